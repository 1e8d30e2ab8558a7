package neptun.chat.application.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.in.Idempotency;
import neptun.chat.application.port.in.IdempotencyKeyInUseException;
import neptun.chat.application.port.in.IdempotencyKeyReusedException;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.out.KeyAlreadyRecordedException;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RecordedKeysPort;
import neptun.chat.domain.DomainException;
import neptun.chat.domain.UserId;

/**
 * The rule of idempotency keys, the same for every use case that writes. A write without a key runs as it
 * is. A write with a key runs and records the key with its result in its own transaction, so there is never
 * a key without its effect nor an effect without its key. When the key is recorded already (the write then
 * undid itself), or when the write is refused (the chat is gone, the newest message changed, the input is
 * invalid: all things a successful first run may have caused or may differ in), the recorded key decides:
 * the same fingerprint replays the recorded result, another fingerprint is a reuse of the key. An expired
 * key counts as never recorded: it is forgotten and the write runs again as new.
 *
 * <p>Nothing is looked up before a write: the first run of a key, by far the common case, costs only the
 * recording of the key in the write's transaction.
 */
final class KeyedWrites {
    /** A write given the key to record with it (none without a key). */
    @FunctionalInterface
    interface Write<R> {
        R run(Optional<KeyRecord<R>> key);
    }

    /** A run, and one more after an expired key in the way is forgotten or gone. */
    private static final int ATTEMPTS = 2;

    private final RecordedKeysPort keys;
    private final KeyRetention retention;

    KeyedWrites(RecordedKeysPort keys, KeyRetention retention) {
        this.keys = Objects.requireNonNull(keys);
        this.retention = Objects.requireNonNull(retention);
    }

    /** Runs {@code write} for {@code requester} at {@code now} once under the key of {@code idempotency}, if any. */
    <R> Outcome<R> run(Optional<Idempotency> idempotency, UserId requester, Instant now, StoredResults.Form<R> form, Write<R> write) {
        if (idempotency.isEmpty()) {
            return Outcome.fresh(write.run(Optional.empty()));
        }
        Idempotency request = idempotency.get();
        var record = new KeyRecord<R>(requester, request.key(), request.fingerprint(), now, now.plus(retention.ttl()), form::write);
        for (int attempt = 1; ; attempt++) {
            DomainException refusal = null;
            try {
                return Outcome.fresh(write.run(Optional.of(record)));
            } catch (KeyAlreadyRecordedException taken) {
                // Recorded by another call: what it recorded decides, below.
            } catch (DomainException refused) {
                refusal = refused;
            }
            Optional<RecordedKey> recorded = keys.findRecordedKey(requester, request.key());
            if (recorded.isPresent() && recorded.get().isLiveAt(now)) {
                if (!recorded.get().fingerprint().equals(request.fingerprint())) {
                    throw new IdempotencyKeyReusedException();
                }
                return Outcome.replayed(form.read(recorded.get().resultText()));
            }
            if (refusal != null) {
                throw refusal;
            }
            if (attempt == ATTEMPTS) {
                // Still taken, but by nothing committed: a call the store could not wait for holds it.
                throw new IdempotencyKeyInUseException();
            }
            if (recorded.isPresent()) {
                keys.forgetExpiredKey(requester, request.key(), now);
            }
            // else it is gone since the write found it taken (an expired key purged meanwhile, or a call that
            // held it rolled back): the next run finds out.
        }
    }
}
