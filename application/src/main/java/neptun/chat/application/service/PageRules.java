package neptun.chat.application.service;

import java.util.List;
import java.util.OptionalInt;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.Violation;

/** The checks of a page request: a limit within the configured bounds, a cursor that is not negative. */
final class PageRules {
    static final List<Object> LIMIT = List.of("limit");
    static final List<Object> AFTER = List.of("after");

    private PageRules() {
    }

    /** The limit to read with: {@code requested}, or the default; adds a violation when it is out of bounds. */
    static int limit(OptionalInt requested, PageLimits limits, List<Violation> violations) {
        if (requested.isEmpty()) {
            return limits.defaultLimit();
        }
        int limit = requested.getAsInt();
        if (limit < 1) {
            violations.add(new Violation(LIMIT, Violation.Problem.TOO_SMALL, "Number must be greater than or equal to 1"));
        } else if (limit > limits.maxLimit()) {
            violations.add(new Violation(LIMIT, Violation.Problem.TOO_BIG,
                    "Number must be less than or equal to " + limits.maxLimit()));
        }
        return limit;
    }

    /** Adds a violation when the cursor {@code after} is negative. */
    static void after(long after, List<Violation> violations) {
        if (after < 0) {
            violations.add(new Violation(AFTER, Violation.Problem.TOO_SMALL, "Number must be greater than or equal to 0"));
        }
    }
}
