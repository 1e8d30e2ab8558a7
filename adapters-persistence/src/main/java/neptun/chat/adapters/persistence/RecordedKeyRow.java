package neptun.chat.adapters.persistence;

import java.time.Instant;

/**
 * A row of {@code idempotency_keys} as a lookup reads it. Public only because JDBI's constructor mapper
 * cannot call the constructor of a package-private record.
 */
public record RecordedKeyRow(String fingerprint, String result, Instant createdAt, Instant expiresAt) {
}
