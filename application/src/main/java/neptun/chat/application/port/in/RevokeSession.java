package neptun.chat.application.port.in;

import neptun.chat.domain.SessionToken;

/** Ends a session before it expires. */
public interface RevokeSession {
    /** @return true when an active session was revoked, false when none matched */
    boolean revoke(SessionToken token);
}
