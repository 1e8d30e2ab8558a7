package neptun.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
    @Nested
    class ChatIds {
        @Test
        void parsesPositiveDecimalLongs() {
            assertThat(ChatId.parse("123")).contains(new ChatId(123));
            assertThat(ChatId.parse("9223372036854775807")).contains(new ChatId(Long.MAX_VALUE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "0", "-1", "+1", "1.0", "1e3", "abc", " 1", "9223372036854775808", "00000000000000000001x", "١٢٣"})
        void rejectsAnythingElse(String text) {
            assertThat(ChatId.parse(text)).isEmpty();
        }

        @Test
        void rejectsNonPositiveValues() {
            assertThatThrownBy(() -> new ChatId(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class UserIds {
        @ParameterizedTest
        @ValueSource(strings = {"ada", "42", "user_2f9Xb", "zoë", "a b"})
        void acceptsOpaqueText(String text) {
            assertThat(UserId.parse(text)).map(UserId::value).contains(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "a\u0000", "tab\there", "\uD800"})
        void rejectsBlankControlAndBrokenText(String text) {
            assertThat(UserId.parse(text)).isEmpty();
        }

        @Test
        void rejectsOverlongIds() {
            assertThat(UserId.parse("x".repeat(UserId.MAX_LENGTH))).isPresent();
            assertThat(UserId.parse("x".repeat(UserId.MAX_LENGTH + 1))).isEmpty();
        }
    }

    @Nested
    class Actors {
        @Test
        void knowsExactlyThreeLowerCaseNames() {
            assertThat(Actor.names()).containsExactly("user", "assistant", "system");
            assertThat(Actor.fromName("assistant")).contains(Actor.ASSISTANT);
            assertThat(Actor.fromName("User")).isEmpty();
            assertThat(Actor.fromName(null)).isEmpty();
        }
    }
}
