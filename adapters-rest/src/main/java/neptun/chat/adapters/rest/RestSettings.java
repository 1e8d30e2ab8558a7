package neptun.chat.adapters.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the HTTP adapter.
 *
 * @param cookieName the cookie that carries the session token
 * @param sessionCacheTtl how long a successful session check is reused; zero turns the cache off
 * @param sessionCacheMaxEntries how many session checks are kept at most; zero turns the cache off
 * @param maxBodyBytes the largest request body accepted
 * @param maxBodyReadTime how long reading one body may take, from its first read to its end; a slower body
 *     is answered 408
 */
public record RestSettings(String cookieName, Duration sessionCacheTtl, long sessionCacheMaxEntries, long maxBodyBytes,
                           Duration maxBodyReadTime) {
    /** The default of {@link #maxBodyReadTime}. */
    public static final Duration DEFAULT_MAX_BODY_READ_TIME = Duration.ofSeconds(10);

    /** An HTTP token (RFC 9110), the only form a cookie name may take. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The name of the neptun web UI's session cookie, which this service reads by default. */
    public static final String DEFAULT_COOKIE_NAME = "neptun-session";

    public static final RestSettings DEFAULTS = new RestSettings(DEFAULT_COOKIE_NAME, Duration.ofSeconds(5), 10_000, 8L * 1024 * 1024);

    /** With the default {@link #maxBodyReadTime}. */
    public RestSettings(String cookieName, Duration sessionCacheTtl, long sessionCacheMaxEntries, long maxBodyBytes) {
        this(cookieName, sessionCacheTtl, sessionCacheMaxEntries, maxBodyBytes, DEFAULT_MAX_BODY_READ_TIME);
    }

    public RestSettings {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(maxBodyReadTime, "maxBodyReadTime");
        if (maxBodyReadTime.isNegative() || maxBodyReadTime.isZero()) {
            throw new IllegalArgumentException("body read time must be positive");
        }
        Objects.requireNonNull(sessionCacheTtl, "sessionCacheTtl");
        if (!TOKEN.matcher(cookieName).matches()) {
            throw new IllegalArgumentException("cookie name must be an HTTP token");
        }
        if (sessionCacheTtl.isNegative()) {
            throw new IllegalArgumentException("session cache TTL must not be negative");
        }
        if (sessionCacheMaxEntries < 0) {
            throw new IllegalArgumentException("session cache size must not be negative");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("body limit must be positive");
        }
    }
}
