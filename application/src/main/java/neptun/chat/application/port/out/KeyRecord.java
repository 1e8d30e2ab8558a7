package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import neptun.chat.application.port.in.RequestFingerprint;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * An idempotency key that a write records, in its own transaction, together with its result: the key is
 * stored if and only if the write's effect is. {@link #storedForm} turns the result into the text kept
 * for replays (the application's encoding; stores keep it as it is).
 */
public record KeyRecord<R>(UserId user, IdempotencyKey key, RequestFingerprint fingerprint, Instant recordedAt,
                           Instant expiresAt, Function<R, String> storedForm) {
    public KeyRecord {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(storedForm, "storedForm");
        if (!expiresAt.isAfter(recordedAt)) {
            throw new IllegalArgumentException("a key expires after it is recorded");
        }
    }

    /** The text to store for {@code result}. */
    public String resultText(R result) {
        return Objects.requireNonNull(storedForm.apply(result), "stored form");
    }
}
