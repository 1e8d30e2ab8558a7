package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import neptun.chat.application.port.in.RequestFingerprint;
import neptun.chat.application.port.out.ExpiredKeysPort;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RecordedKeysPort;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys, in {@code idempotency_keys}. The writes record them in their own transactions (see
 * {@link RecordKeyStatement}); this finds what they recorded and deletes keys whose time is up.
 */
public final class JdbiIdempotencyKeys implements RecordedKeysPort, ExpiredKeysPort {
    private final IdempotencyKeyDao keys;

    JdbiIdempotencyKeys(Jdbi jdbi) {
        this.keys = jdbi.onDemand(IdempotencyKeyDao.class);
    }

    @Override
    public Optional<RecordedKey> findRecordedKey(UserId user, IdempotencyKey key) {
        return StoreFailures.read(() -> keys.find(user.value(), key.value())).map(row ->
                new RecordedKey(new RequestFingerprint(row.fingerprint()), row.result(), row.createdAt(), row.expiresAt()));
    }

    @Override
    public boolean forgetExpiredKey(UserId user, IdempotencyKey key, Instant now) {
        return StoreFailures.write(() -> keys.deleteIfExpired(user.value(), key.value(), RowMapping.toStoredPrecision(now))) == 1;
    }

    @Override
    public int forgetExpiredKeys(Instant now, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a batch holds at least one key");
        }
        return StoreFailures.write(() -> keys.deleteExpired(RowMapping.toStoredPrecision(now), max));
    }
}
