package neptun.chat.adapters.persistence;

import java.time.Instant;

/** A row of {@code chats}; {@code model} is null when none was chosen. */
public record ChatRow(long id, String userId, String name, String model, Instant createdAt, Instant updatedAt) {
}
