package neptun.chat.adapters.rest.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {
    @ParameterizedTest
    @CsvSource({
        "2026-11-25T14:00:00Z,           2026-11-25T14:00:00.000000Z",
        "2026-11-25T14:00:00.120Z,       2026-11-25T14:00:00.120000Z",
        "2026-11-25T14:00:00.123456Z,    2026-11-25T14:00:00.123456Z",
        "2026-11-25T14:00:00.000001Z,    2026-11-25T14:00:00.000001Z",
        "1970-01-01T00:00:00Z,           1970-01-01T00:00:00.000000Z",
        "9999-12-31T23:59:59.999999Z,    9999-12-31T23:59:59.999999Z"})
    void writesExactlySixFractionDigitsInUtc(String instant, String written) {
        assertThat(Timestamps.format(Instant.parse(instant))).isEqualTo(written);
    }

    @Test
    void writesAnInstantAsTheStringThatParsesBackToIt() {
        Instant instant = Instant.parse("2026-11-25T14:00:00.120Z");
        assertThat(Instant.parse(Timestamps.format(instant))).isEqualTo(instant);
    }

    @Test
    void sortsAsTheInstantsDo() {
        List<Instant> inOrder = Stream.of("1970-01-01T00:00:00Z", "2026-11-25T14:00:00Z", "2026-11-25T14:00:00.000001Z",
                "2026-11-25T14:00:00.1Z", "2026-11-25T14:00:00.12Z", "2026-11-25T14:00:01Z", "9999-12-31T23:59:59.999999Z")
                .map(Instant::parse).toList();

        assertThat(inOrder.stream().map(Timestamps::format).toList()).isSorted();
    }
}
