package neptun.chat.application.port.out;

import java.time.Instant;
import neptun.chat.domain.Session;

/** Stores and revokes sessions, by the SHA-256 of their token. */
public interface SaveSessionPort {
    /** Stores a new session; the user must be registered. */
    void saveSession(byte[] tokenHash, Session session);

    /** Marks the session revoked at {@code at} unless it already was; @return true when one was changed. */
    boolean revokeSession(byte[] tokenHash, Instant at);
}
