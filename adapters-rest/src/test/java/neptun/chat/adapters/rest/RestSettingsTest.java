package neptun.chat.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestSettingsTest {
    @Test
    void hasTheDocumentedDefaults() {
        assertThat(RestSettings.DEFAULT_COOKIE_NAME).isEqualTo("neptun-session");
        assertThat(RestSettings.DEFAULTS).isEqualTo(new RestSettings("neptun-session", Duration.ofSeconds(5), 10_000, 8 * 1024 * 1024));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "a=b", "semi;colon", "quote\"", "caf\u00e9"})
    void refusesACookieNameThatIsNoHttpToken(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RestSettings(name, Duration.ZERO, 0, 1));
    }

    @Test
    void refusesNegativeOrZeroLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RestSettings("sid", Duration.ofSeconds(-1), 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RestSettings("sid", Duration.ZERO, -1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RestSettings("sid", Duration.ZERO, 0, 0));
    }
}
