package neptun.chat.application.service;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.out.LoadSessionPort;
import neptun.chat.domain.Session;
import neptun.chat.domain.SessionToken;
import neptun.chat.domain.UserId;

/** Authenticates database sessions: the token's hash must name a session that is active now. */
public class AuthenticateSessionService implements AuthenticateSession {
    private final LoadSessionPort sessions;
    private final Clock clock;

    public AuthenticateSessionService(LoadSessionPort sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<UserId> authenticate(String credential) {
        if (!SessionToken.hasTokenShape(credential)) {
            return Optional.empty();
        }
        return sessions.findSessionByTokenHash(new SessionToken(credential).hash())
                .filter(session -> session.isActiveAt(clock.instant()))
                .map(Session::user);
    }
}
