package neptun.chat.adapters.rest.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * How many API requests are processed at once, and how many wait for a turn and for how long; past that
 * a request is answered 503 with {@code Retry-After} at once.
 *
 * @param maxInFlight requests processed at the same time
 * @param maxQueued requests waiting for a turn (they hold no thread while waiting); zero refuses at once
 * @param maxQueueWait the longest wait for a turn
 */
public record RequestLimits(int maxInFlight, int maxQueued, Duration maxQueueWait) {
    public static final RequestLimits DEFAULTS = new RequestLimits(512, 1024, Duration.ofSeconds(1));

    public RequestLimits {
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive");
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative");
        }
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("maxQueueWait must be positive");
        }
    }
}
