package neptun.chat.adapters.rest.resource;

import java.util.Objects;
import java.util.Optional;

/** A chat body of the right shape, not yet checked by the application. */
record ChatBody(String name, Optional<String> model) {
    ChatBody {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
    }
}
