package neptun.chat.adapters.persistence;

import java.time.Instant;

/** A row of a page of {@code messages}, with the id of its chat's newest message at the time of the read. */
public record MessagePageRow(long id, long chatId, String userId, String content, String actor, Instant createdAt,
                             long lastMessageId) {
    MessageRow message() {
        return new MessageRow(id, chatId, userId, content, actor, createdAt);
    }
}
