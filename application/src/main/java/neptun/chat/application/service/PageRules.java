package neptun.chat.application.service;

import java.util.List;
import java.util.OptionalInt;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;

/** The checks of a page request: a limit within the configured bounds, a cursor that is not negative. */
final class PageRules {
    private static final InputPath LIMIT = InputPath.of(InputField.LIMIT);
    private static final InputPath AFTER = InputPath.of(InputField.AFTER);

    private PageRules() {
    }

    /** The limit to read with: {@code requested}, or the default; adds a violation when it is out of bounds. */
    static int limit(OptionalInt requested, PageLimits limits, List<Violation> violations) {
        if (requested.isEmpty()) {
            return limits.defaultLimit();
        }
        int limit = requested.getAsInt();
        if (limit < 1) {
            violations.add(Violation.beyond(LIMIT, Kind.TOO_LOW, 1));
        } else if (limit > limits.maxLimit()) {
            violations.add(Violation.beyond(LIMIT, Kind.TOO_HIGH, limits.maxLimit()));
        }
        return limit;
    }

    /** Adds a violation when the cursor {@code after} is negative. */
    static void after(long after, List<Violation> violations) {
        if (after < 0) {
            violations.add(Violation.beyond(AFTER, Kind.TOO_LOW, 0));
        }
    }
}
