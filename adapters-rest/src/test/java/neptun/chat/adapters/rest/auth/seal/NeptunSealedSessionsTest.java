package neptun.chat.adapters.rest.auth.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import neptun.chat.application.port.in.AuthenticatedSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NeptunSealedSessionsTest {
    private static final String PASSWORD = "a-password-of-at-least-32-characters!";
    private static final Instant CREATED = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant NOW = CREATED.plus(Duration.ofHours(1));
    private static final Duration WEEK = Duration.ofDays(7);

    private static NeptunSealedSessions sessions(Optional<Duration> maxAge, Instant now) {
        return new NeptunSealedSessions(PASSWORD, maxAge, Clock.fixed(now, ZoneOffset.UTC), new ObjectMapper());
    }

    private static Optional<AuthenticatedSession> unsealNow(String seal) {
        return sessions(Optional.of(WEEK), NOW).unseal(seal);
    }

    private static Optional<String> userOf(String seal) {
        return unsealNow(seal).map(s -> s.user().value());
    }

    @Test
    void acceptsTheSealsTheTestSealerMakes() {
        assertThat(userOf(TestSeals.sealedLogin(PASSWORD, 42, CREATED))).contains("42");
        assertThat(userOf(TestSeals.sealedLogin(PASSWORD, "user_2f9Xb", CREATED))).contains("user_2f9Xb");
        assertThat(userOf(TestSeals.seal(PASSWORD, "v2", TestSeals.loginSession(10, CREATED), Optional.empty()))).contains("10");
    }

    @Test
    void rejectsASealMadeWithAnotherPassword() {
        assertThat(unsealNow(TestSeals.sealedLogin("another-apps-password-9876543210fedcba", 42, CREATED))).isEmpty();
    }

    @Test
    void allowsSixtySecondsOfSkewPastTheExpiration() {
        String session = TestSeals.loginSession(42, CREATED);
        Optional<Duration> noMaxAge = Optional.empty();

        assertThat(sessions(noMaxAge, NOW).unseal(TestSeals.seal(PASSWORD, session, Optional.of(NOW.minusSeconds(59))))).isPresent();
        assertThat(sessions(noMaxAge, NOW).unseal(TestSeals.seal(PASSWORD, session, Optional.of(NOW.minusSeconds(60))))).isEmpty();
        assertThat(sessions(noMaxAge, NOW).unseal(TestSeals.seal(PASSWORD, session, Optional.of(NOW.minus(Duration.ofDays(1)))))).isEmpty();
    }

    @Test
    void rejectsASessionOlderThanTheMaximumAgeOnlyOnceItIsOlder() {
        String seal = TestSeals.sealedLogin(PASSWORD, 42, CREATED);

        assertThat(sessions(Optional.of(WEEK), CREATED.plus(WEEK)).unseal(seal)).isPresent();
        assertThat(sessions(Optional.of(WEEK), CREATED.plus(WEEK).plusMillis(1)).unseal(seal)).isEmpty();
        assertThat(sessions(Optional.empty(), CREATED.plus(Duration.ofDays(365))).unseal(seal)).isPresent();
    }

    @Test
    void countsASessionWithoutCreationTimeAsTooOldWhenThereIsAMaximumAge() {
        String seal = TestSeals.seal(PASSWORD, "{\"data\":{\"user\":{\"id\":42}}}", Optional.empty());

        assertThat(sessions(Optional.of(WEEK), NOW).unseal(seal)).isEmpty();
        assertThat(sessions(Optional.empty(), NOW).unseal(seal)).isPresent();
    }

    @Nested
    class ValidUntil {
        private final String session = TestSeals.loginSession(42, CREATED);

        private Instant validUntil(Optional<Duration> maxAge, Optional<Instant> expiration) {
            return sessions(maxAge, NOW).unseal(TestSeals.seal(PASSWORD, session, expiration)).orElseThrow().validUntil();
        }

        @Test
        void isTheExpirationPlusSkewWhenThatComesFirst() {
            Instant expiration = NOW.plus(Duration.ofHours(2));
            assertThat(validUntil(Optional.of(WEEK), Optional.of(expiration))).isEqualTo(expiration.plus(NeptunSealedSessions.SKEW));
            assertThat(validUntil(Optional.empty(), Optional.of(expiration))).isEqualTo(expiration.plus(NeptunSealedSessions.SKEW));
        }

        @Test
        void isTheCreationPlusMaximumAgeWhenThatComesFirst() {
            assertThat(validUntil(Optional.of(WEEK), Optional.of(CREATED.plus(Duration.ofDays(30))))).isEqualTo(CREATED.plus(WEEK));
            assertThat(validUntil(Optional.of(WEEK), Optional.empty())).isEqualTo(CREATED.plus(WEEK));
        }

        @Test
        void isFarInTheFutureWhenNothingEndsTheSeal() {
            assertThat(validUntil(Optional.empty(), Optional.empty())).isEqualTo(NeptunSealedSessions.FAR_FUTURE);
            assertThat(validUntil(Optional.empty(), Optional.of(Instant.ofEpochMilli(Long.MAX_VALUE)))).isEqualTo(NeptunSealedSessions.FAR_FUTURE);
        }
    }

    @ParameterizedTest(name = "user.id {0} is user {1}")
    @CsvSource(delimiter = '|', value = {
        "42                             | 42",
        "9007199254740991               | 9007199254740991",
        "123456789012345678901234567890 | 123456789012345678901234567890",
        "-5                             | -5",
        "0                              | 0",
        "\"user_2f9Xb\"                 | user_2f9Xb",
        "\"zoë テスト\"                  | zoë テスト",
    })
    void takesTheUserIdFromAStringOrAnInteger(String idJson, String user) {
        assertThat(userOf(TestSeals.seal(PASSWORD, TestSeals.session(CREATED, "{\"user\":{\"id\":" + idJson + "}}"), Optional.empty())))
                .contains(user);
    }

    @ParameterizedTest(name = "user.id {0}")
    @ValueSource(strings = {"1.5", "42.0", "1e3", "true", "false", "null", "{}", "[]", "[42]", "\"\"", "\"   \"", "\"a\\u0000b\""})
    void rejectsAUserIdThatIsNoUsableStringOrInteger(String idJson) {
        assertThat(unsealNow(TestSeals.seal(PASSWORD, TestSeals.session(CREATED, "{\"user\":{\"id\":" + idJson + "}}"), Optional.empty())))
                .isEmpty();
    }

    @Test
    void rejectsAUserIdLongerThanAUserIdMayBe() {
        String id = "u".repeat(256);
        assertThat(unsealNow(TestSeals.sealedLogin(PASSWORD, id, CREATED))).isEmpty();
        assertThat(userOf(TestSeals.sealedLogin(PASSWORD, id.substring(1), CREATED))).contains(id.substring(1));
    }

    @ParameterizedTest(name = "data {0}")
    @ValueSource(strings = {"{}", "{\"user\":null}", "{\"user\":\"ada\"}", "{\"user\":{\"primary_email\":\"x@example.com\"}}", "[]", "null", "42"})
    void rejectsASessionWithoutAUser(String dataJson) {
        assertThat(unsealNow(TestSeals.seal(PASSWORD, TestSeals.session(CREATED, dataJson), Optional.empty()))).isEmpty();
    }

    @ParameterizedTest(name = "plaintext {0}")
    @ValueSource(strings = {"", "\"not json\"", "[]", "42", "{\"createdAt\":1}", "not json", "{} {}"})
    void rejectsASealOfSomethingThatIsNoSession(String plaintext) {
        assertThat(sessions(Optional.empty(), NOW).unseal(TestSeals.seal(PASSWORD, plaintext, Optional.empty()))).isEmpty();
    }

    @Test
    void rejectsEveryFieldChanged() {
        String seal = TestSeals.sealedLogin(PASSWORD, 42, CREATED);
        String[] fields = seal.split("\\*", -1);
        for (int i = 0; i < fields.length; i++) {
            String[] changed = fields.clone();
            changed[i] = changed[i].isEmpty() ? "a" : flip(changed[i]);
            assertThat(unsealNow(String.join("*", changed))).as("field %d changed", i).isEmpty();
        }
        assertThat(unsealNow(seal)).isPresent();
    }

    private static String flip(String field) {
        int middle = field.length() / 2;
        return field.substring(0, middle) + (field.charAt(middle) == 'a' ? 'b' : 'a') + field.substring(middle + 1);
    }

    @Test
    void rejectsMalformedFieldsEvenUnderACorrectMac() {
        String[] fields = TestSeals.sealedLogin(PASSWORD, 42, CREATED).split("\\*", -1);
        String iv = fields[3];
        String ciphertext = fields[4];

        assertThat(unsealNow(macd(fields, 3, iv + "=="))).as("padded iv").isEmpty();
        assertThat(unsealNow(macd(fields, 4, ciphertext.substring(0, 8) + "+/" + ciphertext.substring(10)))).as("standard base64").isEmpty();
        assertThat(unsealNow(macd(fields, 3, iv.substring(0, iv.length() - 2)))).as("15-byte iv").isEmpty();
        assertThat(unsealNow(macd(fields, 4, ciphertext.substring(0, ciphertext.length() - 1)))).as("ciphertext one character short").isEmpty();
        assertThat(unsealNow(macd(fields, 4, ""))).as("no ciphertext").isEmpty();
        assertThat(unsealNow(macd(fields, 5, "soon"))).as("non-numeric expiration").isEmpty();
        assertThat(unsealNow(macd(fields, 5, "+" + NOW.plusSeconds(60).toEpochMilli()))).as("signed expiration").isEmpty();
        assertThat(unsealNow(macd(fields, 2, fields[2].toUpperCase()))).as("uppercase salt").isEmpty();
        assertThat(unsealNow(macd(fields, 5, "0"))).as("expired at the epoch").isEmpty();
        assertThat(unsealNow(macd(fields, 5, "0".repeat(30) + NOW.plusSeconds(60).toEpochMilli()))).as("leading zeros").isPresent();
        assertThat(unsealNow(macd(fields, 5, "9".repeat(400)))).as("huge expiration").isPresent();
    }

    /** The seal with field {@code index} replaced and a correct MAC over the result. */
    private static String macd(String[] fields, int index, String value) {
        String[] changed = fields.clone();
        changed[index] = value;
        return TestSeals.withMac(PASSWORD, String.join("*", Arrays.copyOf(changed, 6)));
    }

    @Test
    void refusesAValueLongerThan8KiBUnread() {
        String fits = TestSeals.seal(PASSWORD, TestSeals.session(CREATED, "{\"user\":{\"id\":42},\"x\":\"" + "x".repeat(5_500) + "\"}"), Optional.empty());
        String tooLong = TestSeals.seal(PASSWORD, TestSeals.session(CREATED, "{\"user\":{\"id\":42},\"x\":\"" + "x".repeat(6_200) + "\"}"), Optional.empty());

        assertThat(fits.length()).isLessThanOrEqualTo(NeptunSealedSessions.MAX_SEAL_LENGTH);
        assertThat(tooLong.length()).isGreaterThan(NeptunSealedSessions.MAX_SEAL_LENGTH);
        assertThat(unsealNow(fits)).isPresent();
        assertThat(unsealNow(tooLong)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "*", "*******", "********", "Fe26.2*******", "Fe26.2*é*é*é*é*é*é*é", "dGhpcy1pcy1ub3QtYS1zZWFs"})
    void rejectsValuesThatAreNoSeal(String value) {
        assertThat(unsealNow(value)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(unsealNow(null)).isEmpty();
        assertThat(sessions(Optional.empty(), NOW).looksSealed(null)).isFalse();
    }

    @Test
    void looksSealedOnlyForTheFe26Point2Prefix() {
        var sessions = sessions(Optional.empty(), NOW);
        assertThat(sessions.looksSealed(TestSeals.sealedLogin(PASSWORD, 42, CREATED))).isTrue();
        assertThat(sessions.looksSealed("Fe26.2*anything")).isTrue();
        assertThat(sessions.looksSealed("Fe26.1**abc")).isFalse();
        assertThat(sessions.looksSealed("dGhpcy1pcy1ub3QtYS1zZWFsdGhpcy1pcy1ub3QtYS1")).isFalse();
        assertThat(sessions.looksSealed("")).isFalse();
    }

    @Test
    void refusesAPasswordShorterThan32Characters() {
        String short31 = "p".repeat(31);
        assertThatThrownBy(() -> new NeptunSealedSessions(short31, Optional.empty(), Clock.systemUTC(), new ObjectMapper()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters");
        new NeptunSealedSessions("p".repeat(32), Optional.empty(), Clock.systemUTC(), new ObjectMapper());
    }

    @Test
    void refusesAMaximumAgeThatIsNotPositive() {
        for (Duration maxAge : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> sessions(Optional.of(maxAge), NOW)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
