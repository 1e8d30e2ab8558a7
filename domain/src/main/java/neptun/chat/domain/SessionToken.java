package neptun.chat.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret a client presents to prove its session: 256 random bits in base64url without padding
 * (43 characters). Only its SHA-256 hash is ever stored.
 */
public record SessionToken(String value) {
    private static final int BYTES = 32;
    private static final int LENGTH = 43;

    public SessionToken {
        Objects.requireNonNull(value, "value");
        if (!hasTokenShape(value)) {
            throw new IllegalArgumentException("not a session token");
        }
    }

    /** A fresh token from {@code random}. */
    public static SessionToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** True when {@code value} is shaped like a token, so looking it up makes sense. */
    public static boolean hasTokenShape(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of the token's text, the only form in which it is stored. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** Never reveals the secret in logs or messages. */
    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
