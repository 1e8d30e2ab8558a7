package neptun.chat.adapters.rest.error;

/**
 * The headers of safe retries and conditional writes, and the entity tags of a chat's messages: a strong tag
 * holding the id of the chat's newest message, {@code "0"} when it has none.
 */
public final class EntityTags {
    public static final String ETAG = "ETag";
    public static final String IF_MATCH = "If-Match";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** On an answer that an earlier request with the same Idempotency-Key got, sent again. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String RETRY_AFTER = "Retry-After";

    private EntityTags() {
    }

    /** The tag of a chat whose newest message is {@code lastMessageId} (0: none): {@code "42"}. */
    public static String of(long lastMessageId) {
        return "\"" + lastMessageId + "\"";
    }
}
