package neptun.chat.adapters.rest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/** A chat body of the right shape, not yet checked by the application, and the JSON it was read from. */
record ChatBody(String name, Optional<String> model, JsonNode json) {
    ChatBody {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(json, "json");
    }
}
