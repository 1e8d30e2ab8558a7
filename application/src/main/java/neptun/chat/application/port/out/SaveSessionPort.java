package neptun.chat.application.port.out;

import java.time.Instant;

/** Stores and revokes sessions, by the SHA-256 of their token. */
public interface SaveSessionPort {
    /** Stores a new session; the user must be registered. */
    void saveSession(byte[] tokenHash, neptun.chat.domain.Session session);

    /** Marks the session revoked at {@code at} unless it already was; @return true when one was changed. */
    boolean revokeSession(byte[] tokenHash, Instant at);
}
