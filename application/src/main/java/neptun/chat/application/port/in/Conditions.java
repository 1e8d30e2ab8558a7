package neptun.chat.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Checks shared by the commands' conditions. */
final class Conditions {
    private Conditions() {
    }

    static void checkExpectedLastMessageId(OptionalLong expectedLastMessageId) {
        Objects.requireNonNull(expectedLastMessageId, "expectedLastMessageId");
        if (expectedLastMessageId.isPresent() && expectedLastMessageId.getAsLong() < 0) {
            throw new IllegalArgumentException("a message id is positive, or 0 for none");
        }
    }

    /** The parts of a fingerprint that name an optional text: whether it is there, and what it is. */
    static String optional(Optional<String> text) {
        return text.map(t -> "+" + t).orElse("-");
    }
}
