package neptun.chat.application.port.in;

import java.util.List;
import neptun.chat.domain.DomainException;

/** A command was refused before anything was stored; carries every violation found. */
public class InvalidInputException extends DomainException {
    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() + " invalid value(s): " + violations.get(0).path() + " " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
