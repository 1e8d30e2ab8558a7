package neptun.chat.application.port.out;

import java.util.Optional;
import neptun.chat.application.port.in.AuthenticatedSession;

/** Checks sealed session cookies made by another system. */
public interface UnsealSessionPort {
    /** True when {@code credential} has the shape of a seal this port checks (then no other session kind applies). */
    boolean looksSealed(String credential);

    /**
     * The session the seal proves at this moment, or empty when it is malformed, tampered, foreign,
     * expired or has no user. Never throws for bad input.
     */
    Optional<AuthenticatedSession> unseal(String credential);
}
