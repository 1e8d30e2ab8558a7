package neptun.chat.adapters.rest.auth;

import static neptun.chat.domain.ChatFixtures.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dropwizard.auth.AuthenticationException;
import io.dropwizard.auth.Authenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.port.out.StoreUnavailableException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionAuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(5);

    private final List<String> checked = new ArrayList<>();
    private Instant sessionEnd = NOW.plus(Duration.ofHours(1));
    private final AuthenticateSession sessions = token -> {
        checked.add(token);
        return "good".equals(token) ? Optional.of(new AuthenticatedSession(ADA, sessionEnd)) : Optional.empty();
    };
    private final FakeTime time = new FakeTime();

    @Test
    void turnsTheSessionIntoThePrincipal() throws AuthenticationException {
        var authenticator = new SessionAuthenticator(sessions);

        assertThat(authenticator.authenticate("good")).contains(new AuthenticatedUser(ADA, sessionEnd));
        assertThat(authenticator.authenticate("bad")).isEmpty();
    }

    @Nested
    class WithCache {
        private final Authenticator<String, AuthenticatedUser> authenticator = cached(TTL, 100);

        @Test
        void asksOnceWithinTheTtl() throws AuthenticationException {
            authenticator.authenticate("good");
            time.advance(TTL.minusSeconds(1));

            assertThat(authenticator.authenticate("good")).contains(new AuthenticatedUser(ADA, sessionEnd));
            assertThat(checked).containsExactly("good");
        }

        @Test
        void asksAgainAfterTheTtl() throws AuthenticationException {
            authenticator.authenticate("good");
            time.advance(TTL);

            authenticator.authenticate("good");

            assertThat(checked).containsExactly("good", "good");
        }

        @Test
        void neverRemembersAFailure() throws AuthenticationException {
            authenticator.authenticate("bad");
            authenticator.authenticate("bad");

            assertThat(checked).containsExactly("bad", "bad");
        }

        @Test
        void forgetsASessionWhenItEndsBeforeTheTtl() throws AuthenticationException {
            sessionEnd = NOW.plusSeconds(2);
            authenticator.authenticate("good");
            time.advance(Duration.ofSeconds(2));

            authenticator.authenticate("good");

            assertThat(checked).containsExactly("good", "good");
        }
    }

    @Nested
    class WhileTheStoreIsUnavailable {
        private boolean storeDown = true;
        private final AuthenticateSession unavailable = token -> {
            checked.add(token);
            if (storeDown) {
                throw new StoreUnavailableException(StoreUnavailableException.Reason.TIMEOUT, "the database did not answer in time", null);
            }
            return Optional.of(new AuthenticatedSession(ADA, sessionEnd));
        };
        private final Authenticator<String, AuthenticatedUser> authenticator =
                SessionAuthenticator.cached(unavailable, TTL, 100, new MetricRegistry(), time.clock(), time);

        @Test
        void answersFurtherRequestsWithTheCredentialAtOnceForAMoment() {
            assertThatThrownBy(() -> authenticator.authenticate("good")).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> authenticator.authenticate("good")).isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("the database did not answer in time");

            assertThat(checked).containsExactly("good");
        }

        @Test
        void checksAgainAfterTheMomentAndNeverCachesTheFailure() throws AuthenticationException {
            assertThatThrownBy(() -> authenticator.authenticate("good")).isInstanceOf(StoreUnavailableException.class);
            time.advance(SessionAuthenticator.STORE_FAILURE_MEMORY);
            storeDown = false;

            assertThat(authenticator.authenticate("good")).contains(new AuthenticatedUser(ADA, sessionEnd));
            assertThat(checked).containsExactly("good", "good");
        }

        @Test
        void stillChecksOtherCredentials() {
            assertThatThrownBy(() -> authenticator.authenticate("good")).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> authenticator.authenticate("other")).isInstanceOf(StoreUnavailableException.class);

            assertThat(checked).containsExactly("good", "other");
        }
    }

    @Test
    void aZeroTtlMeansNoCache() throws AuthenticationException {
        var authenticator = cached(Duration.ZERO, 100);

        authenticator.authenticate("good");
        authenticator.authenticate("good");

        assertThat(authenticator).isInstanceOf(SessionAuthenticator.class);
        assertThat(checked).containsExactly("good", "good");
    }

    @Test
    void aZeroSizeMeansNoCache() {
        assertThat(cached(TTL, 0)).isInstanceOf(SessionAuthenticator.class);
    }

    private Authenticator<String, AuthenticatedUser> cached(Duration ttl, long maxEntries) {
        return SessionAuthenticator.cached(sessions, ttl, maxEntries, new MetricRegistry(), time.clock(), time);
    }

    /** One time source for both the cache and the session check. */
    private static final class FakeTime implements Ticker {
        private Duration elapsed = Duration.ZERO;

        void advance(Duration duration) {
            elapsed = elapsed.plus(duration);
        }

        @Override
        public long read() {
            return elapsed.toNanos();
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Instant instant() {
                    return NOW.plus(elapsed);
                }
            };
        }
    }
}
