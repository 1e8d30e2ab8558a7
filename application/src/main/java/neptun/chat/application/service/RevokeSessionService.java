package neptun.chat.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import neptun.chat.application.port.in.RevokeSession;
import neptun.chat.application.port.out.SaveSessionPort;
import neptun.chat.domain.SessionToken;

public class RevokeSessionService implements RevokeSession {
    private final SaveSessionPort sessions;
    private final Clock clock;

    public RevokeSessionService(SaveSessionPort sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public boolean revoke(SessionToken token) {
        return sessions.revokeSession(token.hash(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
