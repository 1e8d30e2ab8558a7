package neptun.chat.adapters.persistence;

import java.time.Instant;

/** A row of {@code messages}. */
public record MessageRow(long id, long chatId, String userId, String content, String actor, Instant createdAt) {
}
