package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import neptun.chat.application.port.out.LoadSessionPort;
import neptun.chat.application.port.out.SaveSessionPort;
import neptun.chat.domain.Session;
import org.jdbi.v3.core.Jdbi;

/** Database sessions, in {@code sessions}, found by the hash of their token. */
public final class JdbiSessions implements LoadSessionPort, SaveSessionPort {
    private final SessionDao sessions;

    JdbiSessions(Jdbi jdbi) {
        this.sessions = jdbi.onDemand(SessionDao.class);
    }

    @Override
    public void saveSession(byte[] tokenHash, Session session) {
        StoreFailures.write(() -> sessions.insert(RowMapping.toSessionRow(tokenHash, session)));
    }

    @Override
    public Optional<Session> findSessionByTokenHash(byte[] tokenHash) {
        return StoreFailures.read(() -> sessions.findByTokenHash(tokenHash)).map(RowMapping::toSession);
    }

    @Override
    public boolean revokeSession(byte[] tokenHash, Instant at) {
        Instant stored = RowMapping.toStoredPrecision(at);
        return StoreFailures.write(() -> sessions.revokeIfActive(tokenHash, stored)) == 1;
    }
}
