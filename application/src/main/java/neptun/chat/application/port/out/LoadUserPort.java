package neptun.chat.application.port.out;

import neptun.chat.domain.UserId;

/** Looks users up. */
public interface LoadUserPort {
    boolean userExists(UserId user);
}
