package neptun.chat.adapters.rest.dto;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the API writes instants: ISO-8601 in UTC with exactly six fraction digits, as in
 * {@code 2026-11-25T14:00:00.120000Z}, whatever the instant. One length for every time (years 0 to 9999)
 * makes the strings sort in time order; the stores keep microseconds, so no digit is lost.
 */
public final class Timestamps {
    private static final DateTimeFormatter MICROSECONDS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return MICROSECONDS.format(instant);
    }
}
