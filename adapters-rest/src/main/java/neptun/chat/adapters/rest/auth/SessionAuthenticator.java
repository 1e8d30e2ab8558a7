package neptun.chat.adapters.rest.auth;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
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
import neptun.chat.application.port.out.StoreUnavailableException;

/** Checks a session cookie's value through the application's {@link AuthenticateSession}. */
public final class SessionAuthenticator implements Authenticator<String, AuthenticatedUser> {
    /**
     * How long a check that found the store unavailable answers its credential's requests at once: enough for
     * those that waited behind it, short enough not to delay the recovery noticeably.
     */
    static final Duration STORE_FAILURE_MEMORY = Duration.ofMillis(250);

    private final AuthenticateSession sessions;
    /** Credentials whose check found the store unavailable a moment ago; none without a cache. */
    private final Optional<Cache<String, StoreUnavailableException>> recentStoreFailures;

    public SessionAuthenticator(AuthenticateSession sessions) {
        this(sessions, Optional.empty());
    }

    private SessionAuthenticator(AuthenticateSession sessions, Optional<Cache<String, StoreUnavailableException>> recentStoreFailures) {
        this.sessions = Objects.requireNonNull(sessions);
        this.recentStoreFailures = recentStoreFailures;
    }

    /**
     * A session authenticator that remembers each successful check for {@code ttl}, or until its session
     * ends if that is sooner, keeping at most {@code maxEntries}; a zero TTL or size means no cache.
     * Failed checks are never remembered. A remembered session stays accepted until its entry expires,
     * even if it is revoked meanwhile, so keep the TTL short.
     *
     * <p>The cache checks a credential once while concurrent requests with it wait. When the store does not
     * answer, each of them would then check it in turn, each waiting the store's full time limit; so a
     * {@link StoreUnavailableException} is remembered for {@link #STORE_FAILURE_MEMORY} and answers the
     * waiting requests (and any others with that credential) at once.
     */
    public static Authenticator<String, AuthenticatedUser> cached(AuthenticateSession sessions, Duration ttl,
                                                                  long maxEntries, MetricRegistry metrics) {
        return cached(sessions, ttl, maxEntries, metrics, Clock.systemUTC(), Ticker.systemTicker());
    }

    static Authenticator<String, AuthenticatedUser> cached(AuthenticateSession sessions, Duration ttl, long maxEntries,
                                                           MetricRegistry metrics, Clock clock, Ticker ticker) {
        if (ttl.isZero() || maxEntries == 0) {
            return new SessionAuthenticator(sessions);
        }
        var authenticator = new SessionAuthenticator(sessions, Optional.of(Caffeine.newBuilder()
                .maximumSize(maxEntries).expireAfterWrite(STORE_FAILURE_MEMORY).ticker(ticker).build()));
        return new CachingAuthenticator<>(metrics, authenticator, Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilSessionEnds(ttl, clock))
                .ticker(ticker));
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String credential) {
        if (recentStoreFailures.isEmpty()) {
            return check(credential);
        }
        StoreUnavailableException recent = recentStoreFailures.get().getIfPresent(credential);
        if (recent != null) {
            throw new StoreUnavailableException(recent.reason(), recent.getMessage(), recent);
        }
        try {
            return check(credential);
        } catch (StoreUnavailableException e) {
            recentStoreFailures.get().put(credential, e);
            throw e;
        }
    }

    private Optional<AuthenticatedUser> check(String credential) {
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
