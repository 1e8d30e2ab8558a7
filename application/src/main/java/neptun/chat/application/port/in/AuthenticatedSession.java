package neptun.chat.application.port.in;

import java.time.Instant;
import java.util.Objects;
import neptun.chat.domain.UserId;

/**
 * A successful authentication: the session's user, and the instant after which the credential no
 * longer proves anything (so a cache of authentications can drop it on time).
 */
public record AuthenticatedSession(UserId user, Instant validUntil) {
    public AuthenticatedSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
