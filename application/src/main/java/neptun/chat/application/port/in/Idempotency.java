package neptun.chat.application.port.in;

import java.util.Objects;
import neptun.chat.domain.IdempotencyKey;

/**
 * A write that may be sent more than once: the first run with {@code key} takes effect, and a repeat with
 * the same key and {@code fingerprint} answers with the first result and changes nothing.
 */
public record Idempotency(IdempotencyKey key, RequestFingerprint fingerprint) {
    public Idempotency {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
