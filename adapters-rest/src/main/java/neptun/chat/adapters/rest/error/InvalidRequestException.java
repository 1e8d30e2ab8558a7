package neptun.chat.adapters.rest.error;

import java.util.List;

/** A request refused before anything was stored, with every issue found (at most {@value #MAX_ISSUES}). */
public final class InvalidRequestException extends RuntimeException {
    /** A bound on the report, so a huge hostile body cannot make a huge answer. */
    public static final int MAX_ISSUES = 100;

    private final String statusMessage;
    private final transient List<Issue> issues;

    private InvalidRequestException(String statusMessage, List<Issue> issues, Throwable cause) {
        super(statusMessage, cause, false, false);
        this.statusMessage = statusMessage;
        this.issues = List.copyOf(issues.subList(0, Math.min(issues.size(), MAX_ISSUES)));
    }

    /** The body is not a valid single or batch message request. */
    public static InvalidRequestException invalidBody(List<Issue> issues) {
        return new InvalidRequestException("Bad Request. Invalid body(message | messages).", issues, null);
    }

    /** Like {@link #invalidBody(List)}, found by the application, which raised {@code cause}. */
    public static InvalidRequestException invalidBody(List<Issue> issues, Throwable cause) {
        return new InvalidRequestException("Bad Request. Invalid body(message | messages).", issues, cause);
    }

    /** The body is not a valid chat: {@code {"name": string, "model"?: string}}. */
    public static InvalidRequestException invalidChatBody(List<Issue> issues) {
        return invalidChatBody(issues, null);
    }

    /** Like {@link #invalidChatBody(List)}; {@code cause} is the application's refusal, or null. */
    public static InvalidRequestException invalidChatBody(List<Issue> issues, Throwable cause) {
        return new InvalidRequestException("Bad Request. Invalid body(model, name).", issues, cause);
    }

    /**
     * The query string is not valid; {@code parameters} names the parameters the route reads, as in
     * {@code "after, limit"}, and {@code cause} is the application's refusal, or null.
     */
    public static InvalidRequestException invalidQuery(String parameters, List<Issue> issues, Throwable cause) {
        return new InvalidRequestException("Bad Request. Invalid query(" + parameters + ").", issues, cause);
    }

    /** The chat id in the path is not a positive 64-bit integer. */
    public static InvalidRequestException invalidChatId() {
        return new InvalidRequestException("Bad Request. Invalid chat_id.",
                List.of(new Issue("invalid_type", "Expected a positive integer", List.of("chat_id"))), null);
    }

    public String statusMessage() {
        return statusMessage;
    }

    public List<Issue> issues() {
        return issues;
    }
}
