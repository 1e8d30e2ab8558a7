package neptun.chat.adapters.persistence;

import neptun.chat.application.port.out.LoadUserPort;
import neptun.chat.application.port.out.SaveUserPort;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;

/** Registered users, in {@code users}. */
public final class JdbiUsers implements SaveUserPort, LoadUserPort {
    private final UserDao users;

    JdbiUsers(Jdbi jdbi) {
        this.users = jdbi.onDemand(UserDao.class);
    }

    @Override
    public boolean saveUserIfAbsent(UserId user) {
        return StoreFailures.write(() -> users.insertIfAbsent(user.value())) == 1;
    }

    @Override
    public boolean userExists(UserId user) {
        return StoreFailures.read(() -> users.countById(user.value())) > 0;
    }
}
