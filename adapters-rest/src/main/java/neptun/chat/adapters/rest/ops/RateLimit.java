package neptun.chat.adapters.rest.ops;

/**
 * Requests one user may make: a token bucket that holds {@code burst} requests and refills at
 * {@code perSecond}. Each instance of the service counts on its own.
 *
 * @param perSecond requests per second a user may sustain; zero turns the limit off
 * @param burst requests a user may make at once after a quiet time
 * @param maxUsers users whose buckets are kept; the least recently seen are dropped past it (and start full again)
 */
public record RateLimit(long perSecond, long burst, long maxUsers) {
    public static final RateLimit DEFAULTS = new RateLimit(100, 1000, 100_000);
    public static final RateLimit OFF = new RateLimit(0, 1, 1);

    public RateLimit {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond must not be negative");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be positive");
        }
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be positive");
        }
    }

    public boolean isOn() {
        return perSecond > 0;
    }
}
