package neptun.chat.application.service;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.port.out.LoadSessionPort;
import neptun.chat.application.port.out.SaveUserPort;
import neptun.chat.application.port.out.UnsealSessionPort;
import neptun.chat.domain.SessionToken;

/**
 * Authenticates a credential by whichever kind of session it matches: a seal made by another system
 * (when such a port is configured), else a database session token, whose hash must name a session
 * that is active now. The first seal of a user this service has not seen registers that user.
 */
public class AuthenticateSessionService implements AuthenticateSession {
    private final LoadSessionPort sessions;
    private final Optional<UnsealSessionPort> seals;
    private final SaveUserPort users;
    private final Clock clock;

    public AuthenticateSessionService(LoadSessionPort sessions, Optional<UnsealSessionPort> seals, SaveUserPort users, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.seals = Objects.requireNonNull(seals);
        this.users = Objects.requireNonNull(users);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<AuthenticatedSession> authenticate(String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        if (seals.isPresent() && seals.get().looksSealed(credential)) {
            var session = seals.get().unseal(credential);
            session.ifPresent(s -> users.saveUserIfAbsent(s.user()));
            return session;
        }
        if (!SessionToken.hasTokenShape(credential)) {
            return Optional.empty();
        }
        var now = clock.instant();
        return sessions.findSessionByTokenHash(new SessionToken(credential).hash())
                .filter(session -> session.isActiveAt(now))
                .map(session -> new AuthenticatedSession(session.user(), session.expiresAt()));
    }
}
