package neptun.chat.adapters.rest.error;

/**
 * The names under which the API description keeps the answers and headers that many routes share; the
 * resources refer to them in their annotations, and the description defines them.
 */
public final class DescriptionRefs {
    public static final String RESPONSES = "#/components/responses/";
    public static final String HEADERS = "#/components/headers/";

    public static final String BAD_REQUEST = RESPONSES + "BadRequest";
    public static final String UNAUTHORIZED = RESPONSES + "Unauthorized";
    public static final String NOT_FOUND = RESPONSES + "NotFound";
    public static final String REQUEST_TIMEOUT = RESPONSES + "RequestTimeout";
    public static final String CONFLICT = RESPONSES + "Conflict";
    public static final String PRECONDITION_FAILED = RESPONSES + "PreconditionFailed";
    public static final String CONTENT_TOO_LARGE = RESPONSES + "ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = RESPONSES + "UnsupportedMediaType";
    public static final String UNPROCESSABLE_CONTENT = RESPONSES + "UnprocessableContent";
    public static final String TOO_MANY_REQUESTS = RESPONSES + "TooManyRequests";
    public static final String INTERNAL_SERVER_ERROR = RESPONSES + "InternalServerError";
    public static final String SERVICE_UNAVAILABLE = RESPONSES + "ServiceUnavailable";

    public static final String ETAG_HEADER = HEADERS + "ETag";
    public static final String LINK_HEADER = HEADERS + "Link";
    public static final String REPLAYED_HEADER = HEADERS + "IdempotentReplayed";
    public static final String RETRY_AFTER_HEADER = HEADERS + "RetryAfter";
    public static final String REQUEST_ID_HEADER = HEADERS + "RequestId";

    /** The security scheme of the session cookie. */
    public static final String SESSION = "session";

    /** The descriptions of the path parameters. */
    public static final String USER_ID = "The session's user; any other is answered 404.";
    public static final String CHAT_ID = "The chat's id.";

    /** The descriptions of the request headers of writes, shared by every route that reads them. */
    public static final String IDEMPOTENCY_KEY_DESCRIPTION = "Makes the write safe to retry: a repeat with the same key and request"
            + " answers as the first did (with Idempotent-Replayed: true) and changes nothing. 1 to 255 visible ASCII characters,"
            + " bare or as a quoted string.";
    public static final String IF_MATCH_DESCRIPTION = "The chat's ETag as last read (\"42\"; \"0\" for an empty chat), or *:"
            + " the write happens only if the chat's newest message is still that one, else 412.";

    private DescriptionRefs() {
    }
}
