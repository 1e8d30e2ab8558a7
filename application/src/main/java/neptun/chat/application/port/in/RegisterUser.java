package neptun.chat.application.port.in;

import neptun.chat.domain.UserId;

/** Makes a user known to the service. */
public interface RegisterUser {
    /** @return true when the user was new, false when it was already registered */
    boolean register(UserId user);
}
