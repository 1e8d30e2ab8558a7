package neptun.chat.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A login of a user, valid from its creation until it expires or is revoked. */
public record Session(UserId user, Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {
    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** True while the session authenticates its user: before expiry and not revoked at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt) && revokedAt.map(now::isBefore).orElse(true);
    }
}
