package neptun.chat.adapters.rest.error;

import java.util.List;
import java.util.Objects;
import neptun.chat.application.port.in.InvalidInputException;

/**
 * A request refused before anything was stored, with every issue found: at most as many as a refusal of
 * the application reports ({@link InvalidInputException#MAX_VIOLATIONS}).
 */
public final class InvalidRequestException extends RuntimeException {
    private final RequestPart part;
    private final transient List<Issue> issues;

    private InvalidRequestException(RequestPart part, List<Issue> issues) {
        super(part.statusMessage(), null, false, false);
        this.part = Objects.requireNonNull(part, "part");
        this.issues = List.copyOf(issues.subList(0, Math.min(issues.size(), InvalidInputException.MAX_VIOLATIONS)));
    }

    /** {@code part} of the request is not valid, for the reasons {@code issues}. */
    public static InvalidRequestException invalid(RequestPart part, List<Issue> issues) {
        return new InvalidRequestException(part, issues);
    }

    /** The application refused what {@code part} of the request held; each violation is placed by {@code names}. */
    public static InvalidRequestException refused(InvalidInputException refusal, RequestPart part, WireNames names) {
        return invalid(part, refusal.violations().stream()
                .map(violation -> Issue.of(violation, names.pathOf(violation.path())))
                .toList());
    }

    /** The chat id in the path is not a positive 64-bit integer. */
    public static InvalidRequestException invalidChatId() {
        return invalid(RequestPart.CHAT_ID, List.of(new Issue("invalid_type", "Expected a positive integer", List.of("chat_id"))));
    }

    public RequestPart part() {
        return part;
    }

    public List<Issue> issues() {
        return issues;
    }
}
