package neptun.chat.domain;

import java.time.Instant;
import java.util.Objects;

/** A stored message of a chat. */
public record ChatMessage(MessageId id, ChatId chatId, UserId userId, MessageContent content, Actor actor, Instant createdAt) {
    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
