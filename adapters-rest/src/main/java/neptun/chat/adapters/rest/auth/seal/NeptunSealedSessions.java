package neptun.chat.adapters.rest.auth.seal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.port.out.UnsealSessionPort;
import neptun.chat.domain.UserId;

/**
 * Accepts the neptun web UI's {@code neptun-session} cookie: an iron "Fe26.2" seal of an h3 session
 * made by nuxt-auth-utils, checked the way h3's {@code unsealSession} checks it, whose
 * {@code data.user.id} names the user. The seal's password id is ignored: there is one password.
 */
public final class NeptunSealedSessions implements UnsealSessionPort {
    static final String PREFIX = "Fe26.2";
    /** Longer values are refused unread, so a huge header costs nothing. */
    static final int MAX_SEAL_LENGTH = 8 * 1024;
    static final int MIN_PASSWORD_LENGTH = 32;
    static final Duration SKEW = Duration.ofSeconds(60);
    /** What {@code validUntil} is when neither an expiration nor a maximum age applies. */
    static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    private static final int FIELDS = 8;
    private static final int MAX_SAFE_DIGITS = 18;

    private final char[] password;
    private final OptionalLong maxAgeMillis;
    private final Clock clock;
    private final ObjectReader json;

    public NeptunSealedSessions(String password, Optional<Duration> maxAge, Clock clock, ObjectMapper mapper) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(maxAge, "maxAge");
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the session password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters: iron refuses shorter ones, so no seal could ever match");
        }
        if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
            throw new IllegalArgumentException("the maximum session age must be positive (leave it out for no limit)");
        }
        this.password = password.toCharArray();
        this.maxAgeMillis = maxAge.map(NeptunSealedSessions::millis).map(OptionalLong::of).orElse(OptionalLong.empty());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = Objects.requireNonNull(mapper, "mapper").reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public boolean looksSealed(String credential) {
        return credential != null && credential.startsWith(PREFIX + "*");
    }

    @Override
    public Optional<AuthenticatedSession> unseal(String credential) {
        try {
            return open(credential);
        } catch (Exception malformed) {
            // Crypto and JSON failures on attacker-controlled input all mean "not a session".
            return Optional.empty();
        }
    }

    private Optional<AuthenticatedSession> open(String credential) throws Exception {
        if (credential == null || credential.length() > MAX_SEAL_LENGTH) {
            return Optional.empty();
        }
        String[] fields = credential.split("\\*", -1);
        if (fields.length != FIELDS || !fields[0].equals(PREFIX)) {
            return Optional.empty();
        }
        String encryptionSalt = fields[2];
        String iv = fields[3];
        String ciphertext = fields[4];
        String expirationField = fields[5];
        String macSalt = fields[6];
        String mac = fields[7];

        long now = clock.millis();
        OptionalLong expiration = OptionalLong.empty();
        if (!expirationField.isEmpty()) {
            if (!isDigits(expirationField)) {
                return Optional.empty();
            }
            expiration = OptionalLong.of(parseMillis(expirationField));
            if (plus(expiration.getAsLong(), SKEW.toMillis()) <= now) {
                return Optional.empty();
            }
        }
        if (!IronCrypto.isSalt(encryptionSalt) || !IronCrypto.isSalt(macSalt)
                || !IronCrypto.isBase64url(iv) || !IronCrypto.isBase64url(ciphertext) || !IronCrypto.isBase64url(mac)) {
            return Optional.empty();
        }

        String macBase = String.join("*", Arrays.asList(fields).subList(0, 6));
        byte[] expectedMac = IronCrypto.mac(password, macSalt, macBase).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expectedMac, mac.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }

        byte[] ivBytes = IronCrypto.fromBase64url(iv);
        if (ivBytes.length != IronCrypto.IV_BYTES) {
            return Optional.empty();
        }
        byte[] plaintext = IronCrypto.decrypt(password, encryptionSalt, ivBytes, IronCrypto.fromBase64url(ciphertext));
        JsonNode session = json.readTree(plaintext);

        long validUntil = FAR_FUTURE.toEpochMilli();
        if (expiration.isPresent()) {
            validUntil = Math.min(validUntil, plus(expiration.getAsLong(), SKEW.toMillis()));
        }
        if (maxAgeMillis.isPresent()) {
            // h3 counts a missing createdAt as infinitely old, and accepts an age equal to the maximum.
            JsonNode createdAt = session.path("createdAt");
            if (!createdAt.isIntegralNumber() || !createdAt.canConvertToLong()) {
                return Optional.empty();
            }
            long end = plus(createdAt.longValue(), maxAgeMillis.getAsLong());
            if (now > end) {
                return Optional.empty();
            }
            validUntil = Math.min(validUntil, end);
        }
        Instant until = Instant.ofEpochMilli(validUntil);
        return userId(session.path("data").path("user").path("id")).map(user -> new AuthenticatedSession(user, until));
    }

    /**
     * A non-empty string, or an integer as JavaScript's {@code String(id)} writes it; JSON numbers with a
     * fraction or exponent are refused, as neptun's ids are integers.
     */
    private static Optional<UserId> userId(JsonNode id) {
        if (id.isTextual()) {
            return UserId.parse(id.textValue());
        }
        if (id.isIntegralNumber()) {
            return UserId.parse(id.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The value of a decimal digit string, with anything beyond {@code long} range (far in the future) capped. */
    private static long parseMillis(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty()) {
            return 0;
        }
        return significant.length() > MAX_SAFE_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    private static long millis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
