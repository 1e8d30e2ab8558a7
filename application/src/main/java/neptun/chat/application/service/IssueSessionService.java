package neptun.chat.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import neptun.chat.application.port.in.IssueSession;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.application.port.out.LoadUserPort;
import neptun.chat.application.port.out.SaveSessionPort;
import neptun.chat.domain.Session;
import neptun.chat.domain.SessionToken;
import neptun.chat.domain.UserId;

public class IssueSessionService implements IssueSession {
    private final LoadUserPort users;
    private final SaveSessionPort sessions;
    private final Supplier<SessionToken> newToken;
    private final Clock clock;

    public IssueSessionService(LoadUserPort users, SaveSessionPort sessions, Supplier<SessionToken> newToken, Clock clock) {
        this.users = Objects.requireNonNull(users);
        this.sessions = Objects.requireNonNull(sessions);
        this.newToken = Objects.requireNonNull(newToken);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public IssuedSession issue(UserId user, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a session must last a positive time");
        }
        if (!users.userExists(user)) {
            throw new UserNotFoundException(user);
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var session = new Session(user, now, now.plus(ttl), Optional.empty());
        var token = newToken.get();
        sessions.saveSession(token.hash(), session);
        return new IssuedSession(token, user, session.expiresAt());
    }
}
