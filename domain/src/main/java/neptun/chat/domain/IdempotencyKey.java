package neptun.chat.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A client's name for one logical write, sent again with every retry of it, so that the write takes effect
 * once: 1 to {@value #MAX_LENGTH} visible ASCII characters ({@code !} to {@code ~}). Keys belong to the user
 * who sends them; two users' equal keys are two keys.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;

    /** Why a text cannot be a key. */
    public enum Problem {
        /** Zero characters. */
        EMPTY,
        /** More than {@value IdempotencyKey#MAX_LENGTH} characters. */
        TOO_LONG,
        /** A character outside {@code !} to {@code ~}: a space, a control character or anything beyond ASCII. */
        NOT_VISIBLE_ASCII
    }

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("not an idempotency key: " + problem);
        });
    }

    /** What is wrong with {@code text} as a key, or empty when it is one. */
    public static Optional<Problem> problemWith(String text) {
        if (text.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '!' || c > '~') {
                return Optional.of(Problem.NOT_VISIBLE_ASCII);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
