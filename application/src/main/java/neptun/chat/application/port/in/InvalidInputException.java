package neptun.chat.application.port.in;

import java.util.List;
import neptun.chat.domain.DomainException;

/**
 * A command was refused before anything was stored; carries every violation found, up to
 * {@value #MAX_VIOLATIONS}.
 */
public class InvalidInputException extends DomainException {
    /**
     * The most violations one refusal reports, so a huge hostile input cannot make a huge report. Adapters
     * that find problems of their own before a use case runs (a request's JSON shape) hold to it too.
     */
    public static final int MAX_VIOLATIONS = 100;

    private final transient List<Violation> violations;

    /** @throws IllegalArgumentException when {@code violations} is empty: a refusal names its reasons */
    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one violation");
        }
        return violations.size() + " invalid value(s): " + violations.get(0);
    }
}
