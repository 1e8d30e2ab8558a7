package neptun.chat.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The text of a message, kept exactly as written: never trimmed or normalised. It is valid Unicode,
 * has no NUL character and is not blank. Its maximum length is a setting, checked by the use case.
 */
public record MessageContent(String value) {
    public MessageContent {
        Objects.requireNonNull(value, "value");
        problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid message content: " + problem);
        });
    }

    /** What is wrong with {@code text} as content, or empty when it is fine. */
    public static Optional<ContentProblem> problemWith(String text) {
        if (text.isEmpty()) {
            return Optional.of(ContentProblem.EMPTY);
        }
        if (text.indexOf('\0') >= 0) {
            return Optional.of(ContentProblem.CONTAINS_NUL);
        }
        if (!Text.isWellFormed(text)) {
            return Optional.of(ContentProblem.INVALID_UNICODE);
        }
        if (text.isBlank()) {
            return Optional.of(ContentProblem.BLANK);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
