package neptun.chat.application.port.in;

import java.util.Optional;

/** Tells whose session a presented credential (a cookie value) is. */
public interface AuthenticateSession {
    /** The active session {@code credential} proves, or empty for anything else (never throws for bad input). */
    Optional<AuthenticatedSession> authenticate(String credential);
}
