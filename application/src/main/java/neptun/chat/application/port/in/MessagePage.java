package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.domain.ChatMessage;

/**
 * One page of a chat's messages in id order, and the command that reads the page after it when more
 * messages existed at the time of the read (its limit is the one this page was read with).
 *
 * @param lastMessageId the id of the chat's newest message at the time of the read, whatever the page (0 when
 *     the chat has none): what a conditional write names as the newest message it expects
 */
public record MessagePage(List<ChatMessage> messages, Optional<ReadMessagesCommand> next, long lastMessageId) {
    public MessagePage {
        messages = List.copyOf(messages);
        Objects.requireNonNull(next, "next");
        if (lastMessageId < 0) {
            throw new IllegalArgumentException("a message id is positive, or 0 for none");
        }
    }
}
