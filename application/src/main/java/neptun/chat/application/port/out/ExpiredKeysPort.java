package neptun.chat.application.port.out;

import java.time.Instant;

/** Deletes idempotency keys whose time is up. */
public interface ExpiredKeysPort {
    /** Deletes at most {@code max} keys that have expired at {@code now}, in one statement; @return how many. */
    int forgetExpiredKeys(Instant now, int max);
}
