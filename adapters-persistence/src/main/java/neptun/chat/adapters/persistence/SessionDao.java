package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface SessionDao {
    @SqlUpdate("""
            insert into sessions (token_hash, user_id, created_at, expires_at, revoked_at)
            values (:tokenHash, :userId, :createdAt, :expiresAt, :revokedAt)
            """)
    void insert(@BindMethods SessionRow row);

    @SqlQuery("""
            select token_hash, user_id, created_at, expires_at, revoked_at
            from sessions
            where token_hash = :tokenHash
            """)
    @RegisterConstructorMapper(SessionRow.class)
    Optional<SessionRow> findByTokenHash(@Bind("tokenHash") byte[] tokenHash);

    /** @return 1 when a session that was not revoked yet is now revoked at {@code at}, else 0. */
    @SqlUpdate("update sessions set revoked_at = :at where token_hash = :tokenHash and revoked_at is null")
    int revokeIfActive(@Bind("tokenHash") byte[] tokenHash, @Bind("at") Instant at);
}
