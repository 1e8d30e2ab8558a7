package neptun.chat.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Identifies a user. Ids come from other systems (a path segment, the web UI's session), so they are
 * opaque text: 1 to {@value #MAX_LENGTH} characters of valid text, not blank, no control characters.
 */
public record UserId(String value) {
    public static final int MAX_LENGTH = 255;

    public UserId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid user id");
        }
    }

    /** The user id for {@code value}, or empty when no user can have it. */
    public static Optional<UserId> parse(String value) {
        return value != null && isValid(value) ? Optional.of(new UserId(value)) : Optional.empty();
    }

    private static boolean isValid(String value) {
        return !value.isEmpty()
                && value.length() <= MAX_LENGTH
                && !value.isBlank()
                && Text.isWellFormed(value)
                && value.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
