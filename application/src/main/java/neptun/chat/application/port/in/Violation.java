package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * One reason an input was refused. {@code path} locates the value inside the command, in the command's
 * own terms: {@code [2, "content"]} is the content of the third message, {@code ["messages"]} the list
 * itself, {@code ["name"]} a chat's name. {@code message} is a sentence for people.
 */
public record Violation(List<Object> path, Problem problem, String message) {
    public Violation {
        path = List.copyOf(path);
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of refusal; adapters translate them into their own vocabulary. */
    public enum Problem {
        /** Text of zero length, or a list with too few elements. */
        TOO_SMALL,
        /** Text or list longer than its limit. */
        TOO_BIG,
        /** A value outside a fixed set of names. */
        NOT_ONE_OF,
        /** Any other rule (blank text, NUL, invalid Unicode). */
        INVALID
    }
}
