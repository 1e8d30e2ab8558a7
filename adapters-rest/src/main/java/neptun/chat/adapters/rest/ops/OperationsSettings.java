package neptun.chat.adapters.rest.ops;

import java.util.Objects;

/** Settings of what protects and observes the API: the request limits and the per-user rate limit. */
public record OperationsSettings(RequestLimits requests, RateLimit rateLimit) {
    public static final OperationsSettings DEFAULTS = new OperationsSettings(RequestLimits.DEFAULTS, RateLimit.DEFAULTS);

    public OperationsSettings {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }
}
