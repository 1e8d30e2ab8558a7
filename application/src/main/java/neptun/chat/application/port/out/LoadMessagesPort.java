package neptun.chat.application.port.out;

import java.util.List;
import java.util.Optional;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;

/** Reads a chat's messages by id, as a keyset: the cost of a page does not grow with what precedes it. */
public interface LoadMessagesPort {
    /**
     * @return up to {@code limit} messages of the chat with ids greater than {@code afterId}, in id order, with
     *     the id of the chat's newest message read at the same moment, or empty when chat {@code chat} is not
     *     {@code owner}'s
     */
    Optional<StoredPage> loadMessages(UserId owner, ChatId chat, long afterId, int limit);

    /** Messages of a chat, and the id of its newest message (0 when it has none). */
    record StoredPage(List<ChatMessage> messages, long lastMessageId) {
        public StoredPage {
            messages = List.copyOf(messages);
        }
    }
}
