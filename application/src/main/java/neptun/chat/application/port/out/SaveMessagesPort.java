package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;

/** Appends messages to a chat. */
public interface SaveMessagesPort {
    /**
     * Stores {@code messages} in order, each with {@code createdAt}, if and only if chat {@code chat} exists
     * and is owned by {@code owner}. The ownership check and every insert happen in one transaction:
     * either all messages are stored or none is.
     *
     * @return the stored messages in the given order with increasing ids, or empty when the chat is not
     *     {@code owner}'s (then nothing was stored)
     */
    Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> messages, Instant createdAt);
}
