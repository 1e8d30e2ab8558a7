package neptun.chat.application.port.in;

/** How much one request may store: messages per request, and characters (UTF-16 units) per message. */
public record MessageLimits(int maxMessagesPerRequest, int maxMessageLength) {
    public static final MessageLimits DEFAULT = new MessageLimits(1_000, 100_000);

    public MessageLimits {
        if (maxMessagesPerRequest < 1 || maxMessageLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
