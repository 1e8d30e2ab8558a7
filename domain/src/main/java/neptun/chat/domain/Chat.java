package neptun.chat.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation, owned by one user. {@code updatedAt} is the later of its last change and its newest
 * message.
 */
public record Chat(ChatId id, UserId owner, String name, Optional<String> model, Instant createdAt, Instant updatedAt) {
    public Chat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }
}
