package neptun.chat.domain;

/** Identifies a message; ids increase in the order messages were stored. */
public record MessageId(long value) {
    public MessageId {
        if (value <= 0) {
            throw new IllegalArgumentException("message id must be positive");
        }
    }
}
