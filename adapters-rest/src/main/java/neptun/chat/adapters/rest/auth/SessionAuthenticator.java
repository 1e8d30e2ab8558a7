package neptun.chat.adapters.rest.auth;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.CachingAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import neptun.chat.application.port.in.AuthenticateSession;

/** Checks a session cookie's value through the application's {@link AuthenticateSession}. */
public final class SessionAuthenticator implements Authenticator<String, AuthenticatedUser> {
    private final AuthenticateSession sessions;

    public SessionAuthenticator(AuthenticateSession sessions) {
        this.sessions = Objects.requireNonNull(sessions);
    }

    /**
     * A session authenticator that remembers each successful check for {@code ttl}, or until its session
     * ends if that is sooner, keeping at most {@code maxEntries}; a zero TTL or size means no cache.
     * Failed checks are never remembered. A remembered session stays accepted until its entry expires,
     * even if it is revoked meanwhile, so keep the TTL short.
     */
    public static Authenticator<String, AuthenticatedUser> cached(AuthenticateSession sessions, Duration ttl,
                                                                  long maxEntries, MetricRegistry metrics) {
        return cached(sessions, ttl, maxEntries, metrics, Clock.systemUTC(), Ticker.systemTicker());
    }

    static Authenticator<String, AuthenticatedUser> cached(AuthenticateSession sessions, Duration ttl, long maxEntries,
                                                           MetricRegistry metrics, Clock clock, Ticker ticker) {
        var authenticator = new SessionAuthenticator(sessions);
        if (ttl.isZero() || maxEntries == 0) {
            return authenticator;
        }
        return new CachingAuthenticator<>(metrics, authenticator, Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilSessionEnds(ttl, clock))
                .ticker(ticker));
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String credential) {
        return sessions.authenticate(credential).map(session -> new AuthenticatedUser(session.user(), session.validUntil()));
    }

    /** Keeps an entry for the TTL, but never past the end of its session. */
    private record UntilSessionEnds(Duration ttl, Clock clock) implements Expiry<Object, Object> {
        @Override
        public long expireAfterCreate(Object credential, Object principal, long currentTime) {
            Duration keep = ttl;
            if (principal instanceof Optional<?> optional && optional.orElse(null) instanceof AuthenticatedUser user) {
                Duration left = Duration.between(clock.instant(), user.validUntil());
                keep = left.isNegative() ? Duration.ZERO : left.compareTo(ttl) < 0 ? left : ttl;
            }
            return TimeUnit.NANOSECONDS.convert(keep);
        }

        @Override
        public long expireAfterUpdate(Object credential, Object principal, long currentTime, long currentDuration) {
            return expireAfterCreate(credential, principal, currentTime);
        }

        @Override
        public long expireAfterRead(Object credential, Object principal, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
