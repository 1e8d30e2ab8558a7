package neptun.chat.application.port.in;

import java.util.Optional;
import neptun.chat.domain.UserId;

/** Tells whose session a presented credential (a cookie value) is. */
public interface AuthenticateSession {
    /** The user of the active session {@code credential} proves, or empty for anything else. */
    Optional<UserId> authenticate(String credential);
}
