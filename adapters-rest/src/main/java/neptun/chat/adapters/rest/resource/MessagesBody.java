package neptun.chat.adapters.rest.resource;

import java.util.List;
import neptun.chat.application.port.in.MessageInput;

/** A body of the right shape: its form and its messages, not yet checked by the application. */
record MessagesBody(BodyForm form, List<MessageInput> messages) {
    MessagesBody {
        messages = List.copyOf(messages);
    }
}
