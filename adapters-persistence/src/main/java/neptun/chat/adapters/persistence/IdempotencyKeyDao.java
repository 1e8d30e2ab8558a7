package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Lookups and deletions of idempotency keys; keys are inserted with their writes ({@link RecordKeyStatement}). */
interface IdempotencyKeyDao {
    @SqlQuery("""
            select fingerprint, result, created_at, expires_at
            from idempotency_keys
            where user_id = :user and idempotency_key = :key
            """)
    @RegisterConstructorMapper(RecordedKeyRow.class)
    Optional<RecordedKeyRow> find(@Bind("user") String user, @Bind("key") String key);

    /** @return 1 when the key had expired at {@code now} and is deleted, else 0 */
    @SqlUpdate("delete from idempotency_keys where user_id = :user and idempotency_key = :key and expires_at <= :now")
    int deleteIfExpired(@Bind("user") String user, @Bind("key") String key, @Bind("now") Instant now);

    /**
     * Deletes at most {@code limit} keys that have expired at {@code now}, the longest expired first: one
     * range scan of idempotency_keys_expires_idx and one statement, so the batch bounds its locks and its time.
     */
    @SqlUpdate("""
            delete from idempotency_keys
            where (user_id, idempotency_key) in (
                select user_id, idempotency_key from idempotency_keys
                where expires_at <= :now
                order by expires_at
                limit :limit)
            """)
    int deleteExpired(@Bind("now") Instant now, @Bind("limit") int limit);
}
