package neptun.chat.application.port.in;

import neptun.chat.domain.DomainException;
import neptun.chat.domain.UserId;

/** The named user is not registered. */
public class UserNotFoundException extends DomainException {
    public UserNotFoundException(UserId user) {
        super("user not found: " + user.value());
    }
}
