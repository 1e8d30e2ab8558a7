package neptun.chat.adapters.rest.auth.seal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes {@code neptun-session} cookie values the way h3 and iron do (random salts and iv), for tests
 * that need fresh seals.
 */
public final class TestSeals {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSeals() {}

    /** A cookie value as the web UI sets it after a login: {@link #loginSession} sealed without expiration. */
    public static String sealedLogin(String password, long userId, Instant createdAt) {
        return seal(password, loginSession(userId, createdAt), Optional.empty());
    }

    /** Like {@link #sealedLogin(String, long, Instant)} with a string user id. */
    public static String sealedLogin(String password, String userId, Instant createdAt) {
        return seal(password, loginSession(userId, createdAt), Optional.empty());
    }

    /** The JSON of an h3 session holding what neptun's login stores, with {@code userId} as a JSON number. */
    public static String loginSession(long userId, Instant createdAt) {
        return session(userId, createdAt);
    }

    /** The JSON of an h3 session holding what neptun's login stores, with {@code userId} as a JSON string. */
    public static String loginSession(String userId, Instant createdAt) {
        return session(userId, createdAt);
    }

    /** The JSON of an h3 session created at {@code createdAt} whose {@code data} is the JSON text {@code dataJson}. */
    public static String session(Instant createdAt, String dataJson) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"createdAt\":" + createdAt.toEpochMilli() + ",\"data\":" + dataJson + "}";
    }

    /** A seal of the JSON text {@code json}, expiring at {@code expiration} when given. */
    public static String seal(String password, String json, Optional<Instant> expiration) {
        return seal(password, "", json, expiration);
    }

    /** A seal as made with a named password ({@code passwordId}, empty for none). */
    public static String seal(String password, String passwordId, String json, Optional<Instant> expiration) {
        try {
            char[] secret = password.toCharArray();
            String salt = randomSalt();
            byte[] iv = new byte[IronCrypto.IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] ciphertext = IronCrypto.encrypt(secret, salt, iv, json.getBytes(StandardCharsets.UTF_8));
            String body = String.join("*", NeptunSealedSessions.PREFIX, passwordId, salt, IronCrypto.base64url(iv),
                    IronCrypto.base64url(ciphertext), expiration.map(e -> Long.toString(e.toEpochMilli())).orElse(""));
            return withMac(password, body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Completes {@code body} (the six fields before the MAC salt, joined by {@code *}) with a fresh MAC salt
     * and the correct MAC, so a test can make seals whose only flaw lies in the MAC-protected fields.
     */
    public static String withMac(String password, String body) {
        try {
            String salt = randomSalt();
            return body + "*" + salt + "*" + IronCrypto.mac(password.toCharArray(), salt, body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String session(Object userId, Instant createdAt) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("primary_email", "ada@example.com");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", user);
        data.put("loggedInAt", createdAt.toString());
        try {
            return session(createdAt, JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomSalt() {
        byte[] salt = new byte[IronCrypto.SALT_HEX_LENGTH / 2];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }
}
