package neptun.chat.application.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import neptun.chat.application.port.out.KeyAlreadyRecordedException;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RecordedKeysPort;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/** Recorded idempotency keys in memory, by user and key, as a store records them with its writes. */
final class InMemoryKeys implements RecordedKeysPort {
    private record UserKey(UserId user, IdempotencyKey key) {
    }

    final Map<UserKey, RecordedKey> recorded = new HashMap<>();
    int lookups;

    /** Records {@code key} with {@code result}, or throws as a store does when the key is recorded already. */
    <R> void record(KeyRecord<R> key, R result) {
        var userKey = new UserKey(key.user(), key.key());
        if (recorded.containsKey(userKey)) {
            throw new KeyAlreadyRecordedException(null);
        }
        recorded.put(userKey, new RecordedKey(key.fingerprint(), key.resultText(result), key.recordedAt(), key.expiresAt()));
    }

    @Override
    public Optional<RecordedKey> findRecordedKey(UserId user, IdempotencyKey key) {
        lookups++;
        return Optional.ofNullable(recorded.get(new UserKey(user, key)));
    }

    @Override
    public boolean forgetExpiredKey(UserId user, IdempotencyKey key, Instant now) {
        var userKey = new UserKey(user, key);
        RecordedKey found = recorded.get(userKey);
        if (found == null || found.isLiveAt(now)) {
            return false;
        }
        recorded.remove(userKey);
        return true;
    }
}
