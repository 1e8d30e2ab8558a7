package neptun.chat.application.port.in;

/**
 * How many items one read returns: {@code defaultLimit} when the caller names no limit, at most
 * {@code maxLimit} when it does.
 */
public record PageLimits(int defaultLimit, int maxLimit) {
    public static final PageLimits DEFAULT = new PageLimits(100, 1_000);

    public PageLimits {
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException("page limits must satisfy 1 <= default <= max");
        }
    }
}
