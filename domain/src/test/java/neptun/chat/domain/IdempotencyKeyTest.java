package neptun.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {
    @ParameterizedTest
    @ValueSource(strings = {"8e03978e-40d5", "a", "!", "~", "key:with/every+kind=of;mark\"and\\", "0123456789"})
    void acceptsVisibleAscii(String text) {
        assertThat(IdempotencyKey.problemWith(text)).isEmpty();
        assertThat(new IdempotencyKey(text).value()).isEqualTo(text);
    }

    @Test
    void acceptsUpTo255Characters() {
        assertThat(IdempotencyKey.problemWith("k".repeat(255))).isEmpty();
        assertThat(IdempotencyKey.problemWith("k".repeat(256))).contains(IdempotencyKey.Problem.TOO_LONG);
    }

    @Test
    void refusesTheEmptyText() {
        assertThat(IdempotencyKey.problemWith("")).contains(IdempotencyKey.Problem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "tab\t", "new\nline", "\u007f", "zoë", "😀", "\u0000"})
    void refusesSpacesControlsAndNonAscii(String text) {
        assertThat(IdempotencyKey.problemWith(text)).contains(IdempotencyKey.Problem.NOT_VISIBLE_ASCII);
        assertThatThrownBy(() -> new IdempotencyKey(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
