package neptun.chat.application.service;

import java.util.Objects;
import neptun.chat.application.port.in.RegisterUser;
import neptun.chat.application.port.out.SaveUserPort;
import neptun.chat.domain.UserId;

public class RegisterUserService implements RegisterUser {
    private final SaveUserPort users;

    public RegisterUserService(SaveUserPort users) {
        this.users = Objects.requireNonNull(users);
    }

    @Override
    public boolean register(UserId user) {
        return users.saveUserIfAbsent(user);
    }
}
