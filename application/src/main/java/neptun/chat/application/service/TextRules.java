package neptun.chat.application.service;

import java.util.List;
import neptun.chat.application.port.in.Violation;
import neptun.chat.domain.MessageContent;

/** The checks every stored text gets: the domain's content rules plus a configured maximum length. */
final class TextRules {
    private static final int PREVIEW_LENGTH = 40;

    private TextRules() {
    }

    /** Adds what is wrong with {@code text} at {@code path} to {@code violations}; @return true when it is fine. */
    static boolean check(List<Object> path, String text, int maxLength, List<Violation> violations) {
        var problem = MessageContent.problemWith(text);
        if (problem.isPresent()) {
            violations.add(switch (problem.get()) {
                case EMPTY -> new Violation(path, Violation.Problem.TOO_SMALL, "String must contain at least 1 character(s)");
                case BLANK -> new Violation(path, Violation.Problem.INVALID, "String must not be blank");
                case CONTAINS_NUL -> new Violation(path, Violation.Problem.INVALID, "String must not contain NUL characters");
                case INVALID_UNICODE -> new Violation(path, Violation.Problem.INVALID, "String must be valid Unicode text");
            });
            return false;
        }
        if (text.length() > maxLength) {
            violations.add(new Violation(path, Violation.Problem.TOO_BIG, "String must contain at most " + maxLength + " character(s)"));
            return false;
        }
        return true;
    }

    /** A short, safe excerpt of a refused value for an error message. */
    static String preview(String value) {
        String cut = value.length() > PREVIEW_LENGTH ? value.substring(0, PREVIEW_LENGTH) + "…" : value;
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                safe.append('\uFFFD');
            } else {
                safe.appendCodePoint(cp);
            }
        });
        return safe.toString();
    }
}
