package neptun.chat.adapters.rest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import neptun.chat.application.port.in.MessageInput;

/**
 * A body of the right shape: its form and its messages, not yet checked by the application, and the JSON it
 * was read from (for the request's fingerprint).
 */
record MessagesBody(BodyForm form, List<MessageInput> messages, JsonNode json) {
    MessagesBody {
        messages = List.copyOf(messages);
        Objects.requireNonNull(json, "json");
    }
}
