package neptun.chat.application.port.out;

import java.util.Optional;
import neptun.chat.domain.Session;

/** Finds stored sessions. */
public interface LoadSessionPort {
    /** The session whose token has the SHA-256 {@code tokenHash}, whatever its state, or empty. */
    Optional<Session> findSessionByTokenHash(byte[] tokenHash);
}
