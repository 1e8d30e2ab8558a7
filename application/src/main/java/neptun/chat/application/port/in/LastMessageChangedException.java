package neptun.chat.application.port.in;

import neptun.chat.domain.DomainException;

/**
 * A conditional write expected another newest message than the chat has; nothing was done.
 * {@link #lastMessageId()} is the chat's newest message now (0 when it has none).
 */
public class LastMessageChangedException extends DomainException {
    private final long lastMessageId;

    public LastMessageChangedException(long lastMessageId) {
        super("The chat's newest message is not the expected one");
        this.lastMessageId = lastMessageId;
    }

    public long lastMessageId() {
        return lastMessageId;
    }
}
