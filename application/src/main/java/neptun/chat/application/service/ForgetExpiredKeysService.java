package neptun.chat.application.service;

import java.time.Clock;
import java.util.Objects;
import neptun.chat.application.port.in.ForgetExpiredKeys;
import neptun.chat.application.port.out.ExpiredKeysPort;

public class ForgetExpiredKeysService implements ForgetExpiredKeys {
    private final ExpiredKeysPort keys;
    private final Clock clock;

    public ForgetExpiredKeysService(ExpiredKeysPort keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public int forgetExpired(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a batch holds at least one key");
        }
        return keys.forgetExpiredKeys(clock.instant(), max);
    }
}
