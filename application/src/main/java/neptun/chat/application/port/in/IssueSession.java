package neptun.chat.application.port.in;

import java.time.Duration;
import java.time.Instant;
import neptun.chat.domain.SessionToken;
import neptun.chat.domain.UserId;

/** Starts a session for a registered user. */
public interface IssueSession {
    /**
     * @throws UserNotFoundException when the user is not registered
     * @throws IllegalArgumentException when {@code ttl} is not positive
     */
    IssuedSession issue(UserId user, Duration ttl);

    /** The token is shown once, here; the service keeps only its hash. */
    record IssuedSession(SessionToken token, UserId user, Instant expiresAt) {
    }
}
