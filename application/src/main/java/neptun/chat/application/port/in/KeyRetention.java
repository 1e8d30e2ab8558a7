package neptun.chat.application.port.in;

import java.time.Duration;
import java.util.Objects;

/** How long a write's idempotency key is kept: after {@code ttl} the key is forgotten and is new again. */
public record KeyRetention(Duration ttl) {
    public static final KeyRetention DEFAULT = new KeyRetention(Duration.ofHours(24));

    public KeyRetention {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("keys must be kept at least a second");
        }
    }
}
