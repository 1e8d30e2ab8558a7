package neptun.chat.application.port.in;

/**
 * Bounds of a search: hits per page ({@code defaultLimit} when the caller names none, at most {@code maxLimit})
 * and the longest query, in UTF-16 units.
 */
public record SearchLimits(int defaultLimit, int maxLimit, int maxQueryLength) {
    public static final SearchLimits DEFAULT = new SearchLimits(20, 100, 1_000);

    public SearchLimits {
        if (defaultLimit < 1 || maxLimit < defaultLimit || maxQueryLength < 1) {
            throw new IllegalArgumentException("search limits must satisfy 1 <= default <= max and a positive query length");
        }
    }

    /** The same bounds as page limits. */
    public PageLimits pageLimits() {
        return new PageLimits(defaultLimit, maxLimit);
    }
}
