package neptun.chat.adapters.rest.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.Function;

/** A Bucket4j token bucket per user, kept in a bounded cache. */
final class UserRateLimiter {
    private final Cache<String, Bucket> buckets;
    private final Function<String, Bucket> newBucket;

    UserRateLimiter(RateLimit limit, TimeMeter time) {
        if (!limit.isOn()) {
            throw new IllegalArgumentException("the rate limit is off");
        }
        Duration refill = Duration.ofSeconds(1);
        newBucket = user -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.perSecond(), refill))
                .withCustomTimePrecision(time)
                .build();
        // A bucket untouched for as long as an empty one takes to fill is full again: dropping it changes nothing.
        long secondsToFill = Math.max(1, (limit.burst() + limit.perSecond() - 1) / limit.perSecond());
        buckets = Caffeine.newBuilder()
                .maximumSize(limit.maxUsers())
                .expireAfterAccess(Duration.ofSeconds(secondsToFill))
                .build();
    }

    /** Takes a token for {@code user}: 0 when there was one, else the nanoseconds until there is. */
    long tryAcquire(String user) {
        var probe = buckets.get(user, newBucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}
