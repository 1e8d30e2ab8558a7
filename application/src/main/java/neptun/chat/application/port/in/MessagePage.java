package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.ChatMessage;

/**
 * One page of a chat's messages in id order, and the command that reads the page after it when more
 * messages existed at the time of the read (its limit is the one this page was read with).
 */
public record MessagePage(List<ChatMessage> messages, Optional<ReadMessagesCommand> next) {
    public MessagePage {
        messages = List.copyOf(messages);
        Objects.requireNonNull(next, "next");
    }
}
