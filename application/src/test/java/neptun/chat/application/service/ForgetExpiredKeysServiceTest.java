package neptun.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import neptun.chat.application.port.out.ExpiredKeysPort;
import org.junit.jupiter.api.Test;

class ForgetExpiredKeysServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00.123456789Z");

    private final List<String> calls = new ArrayList<>();
    private final ExpiredKeysPort keys = (now, max) -> {
        calls.add(now + " " + max);
        return Math.min(max, 3);
    };
    private final ForgetExpiredKeysService service = new ForgetExpiredKeysService(keys, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void forgetsABatchOfTheKeysExpiredByNow() {
        assertThat(service.forgetExpired(2)).isEqualTo(2);
        assertThat(service.forgetExpired(100)).isEqualTo(3);
        assertThat(calls).containsExactly(NOW + " 2", NOW + " 100");
    }

    @Test
    void refusesAnEmptyBatch() {
        assertThatThrownBy(() -> service.forgetExpired(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).isEmpty();
    }
}
