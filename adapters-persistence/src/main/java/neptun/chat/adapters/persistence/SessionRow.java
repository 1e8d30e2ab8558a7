package neptun.chat.adapters.persistence;

import java.time.Instant;

/**
 * A row of {@code sessions}; {@code revokedAt} is null until the session is revoked. Public only because
 * JDBI's constructor mapper cannot call the constructor of a package-private record.
 */
public record SessionRow(byte[] tokenHash, String userId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
}
