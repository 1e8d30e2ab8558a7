package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.Optional;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * Finds the idempotency keys that writes recorded with their results. Every write port extends it: a store
 * that records keys with its writes finds them too. The defaults are for stores that record none (test
 * doubles written as lambdas): they are never asked unless a write comes with a key, and then they fail.
 */
public interface RecordedKeysPort {
    /** The key {@code key} of {@code user} as a committed write recorded it, expired or not, or empty. */
    default Optional<RecordedKey> findRecordedKey(UserId user, IdempotencyKey key) {
        throw new UnsupportedOperationException("this store records no idempotency keys");
    }

    /** Deletes {@code user}'s key {@code key} if it has expired at {@code now}; @return true when it did. */
    default boolean forgetExpiredKey(UserId user, IdempotencyKey key, Instant now) {
        throw new UnsupportedOperationException("this store records no idempotency keys");
    }
}
