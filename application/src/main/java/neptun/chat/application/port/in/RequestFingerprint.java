package neptun.chat.application.port.in;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What identifies a request for its idempotency key: a key sent again with another fingerprint names
 * another request. Opaque to the application; callers derive it from what makes their request what it is
 * (the HTTP adapter: method, route with its parameters, and the body's JSON value).
 */
public record RequestFingerprint(String value) {
    private static final int MAX_LENGTH = 255;

    public RequestFingerprint {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a fingerprint has 1 to " + MAX_LENGTH + " characters");
        }
    }

    /**
     * The SHA-256, in hex, of {@code parts} in order: each part counts with its length, so no two lists of
     * parts give the same input.
     */
    public static RequestFingerprint of(List<String> parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            byte[] bytes = Objects.requireNonNull(part, "part").getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
        }
        return new RequestFingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    public static RequestFingerprint of(String... parts) {
        return of(List.of(parts));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
