package neptun.chat.application.service;

import java.util.List;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.domain.MessageContent;

/** The checks every stored text gets: the domain's content rules plus a configured maximum length. */
final class TextRules {
    private TextRules() {
    }

    /** Adds what is wrong with {@code text} at {@code path} to {@code violations}; @return true when it is fine. */
    static boolean check(InputPath path, String text, int maxLength, List<Violation> violations) {
        var problem = MessageContent.problemWith(text);
        if (problem.isPresent()) {
            violations.add(switch (problem.get()) {
                case EMPTY -> Violation.beyond(path, Kind.TOO_SHORT, 1);
                case BLANK -> Violation.of(path, Kind.BLANK);
                case CONTAINS_NUL -> Violation.of(path, Kind.CONTAINS_NUL);
                case INVALID_UNICODE -> Violation.of(path, Kind.INVALID_UNICODE);
            });
            return false;
        }
        if (text.length() > maxLength) {
            violations.add(Violation.beyond(path, Kind.TOO_LONG, maxLength));
            return false;
        }
        return true;
    }
}
