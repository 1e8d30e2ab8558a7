package neptun.chat.application.port.in;

import java.util.Optional;

/**
 * Where a page of search hits ends: the relevance of its last hit and that hit's message id. Hits come in
 * descending (relevance, id) order, so the next page starts strictly after this pair, whatever was stored
 * meanwhile. Written as {@code <relevance>_<id>} (e.g. {@code 0.0607927_1234}).
 */
public record SearchCursor(float relevance, long messageId) {
    public SearchCursor {
        if (!Float.isFinite(relevance) || relevance < 0 || messageId < 1) {
            throw new IllegalArgumentException("a cursor is a finite relevance of at least 0 and a positive message id");
        }
    }

    /** The cursor written as {@code text} by {@link #toString()}, or empty when it is not one. */
    public static Optional<SearchCursor> parse(String text) {
        int separator = text.indexOf('_');
        if (separator < 1 || text.length() > 64) {
            return Optional.empty();
        }
        String relevance = text.substring(0, separator);
        String id = text.substring(separator + 1);
        if (!relevance.matches("[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?") || !id.matches("[0-9]{1,19}")) {
            return Optional.empty();
        }
        try {
            float r = Float.parseFloat(relevance);
            long m = Long.parseLong(id);
            return Float.isFinite(r) && m > 0 ? Optional.of(new SearchCursor(r, m)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Exact: {@link Float#toString} reads back as the same float. */
    @Override
    public String toString() {
        return Float.toString(relevance) + "_" + messageId;
    }
}
