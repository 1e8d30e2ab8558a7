package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.Objects;
import neptun.chat.application.port.in.RequestFingerprint;

/** An idempotency key as a write recorded it: the request's fingerprint and the result, in stored form. */
public record RecordedKey(RequestFingerprint fingerprint, String resultText, Instant recordedAt, Instant expiresAt) {
    public RecordedKey {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(resultText, "resultText");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True before the key's time is up; from {@code expiresAt} on, the key is new again. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
