package neptun.chat.adapters.rest.error;

/** The part of a request a route reads its input from, as the {@code statusMessage} of a 400 names it. */
public enum RequestPart {
    /** The body of a message or a batch of them. */
    MESSAGES_BODY("Bad Request. Invalid body(message | messages)."),
    /** The body that creates or renames a chat. */
    CHAT_BODY("Bad Request. Invalid body(model, name)."),
    /** The query of a page of messages. */
    MESSAGES_QUERY("Bad Request. Invalid query(after, limit)."),
    /** The query of a list of chats. */
    CHATS_QUERY("Bad Request. Invalid query(limit, order_by)."),
    /** The query of a search of messages. */
    SEARCH_QUERY("Bad Request. Invalid query(actor, after, chat_id, limit, q, since, until)."),
    /** The query of a chat's export. */
    EXPORT_QUERY("Bad Request. Invalid query(format)."),
    /** The chat id in the path. */
    CHAT_ID("Bad Request. Invalid chat_id."),
    /** The Idempotency-Key header of a write. */
    IDEMPOTENCY_KEY_HEADER("Bad Request. Invalid header(Idempotency-Key)."),
    /** The If-Match header of a conditional write. */
    IF_MATCH_HEADER("Bad Request. Invalid header(If-Match)."),
    /** Input of a route that names no part of its own (see {@link InputFrom}). */
    UNNAMED("Bad Request.");

    private final String statusMessage;

    RequestPart(String statusMessage) {
        this.statusMessage = statusMessage;
    }

    public String statusMessage() {
        return statusMessage;
    }
}
