package neptun.chat.adapters.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.domain.IdempotencyKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WriteHeadersTest {
    @Nested
    class IdempotencyKeys {
        @Test
        void areOptional() {
            assertThat(WriteHeaders.idempotencyKey(null)).isEmpty();
            assertThat(WriteHeaders.idempotencyKey(List.of())).isEmpty();
        }

        static Stream<Arguments> sameKeys() {
            return Stream.of(
                    Arguments.of("8e03978e-40d5", "8e03978e-40d5"),
                    Arguments.of("\"8e03978e-40d5\"", "8e03978e-40d5"),
                    Arguments.of("  8e03978e-40d5 ", "8e03978e-40d5"),
                    Arguments.of("\"a\\\"b\\\\c\"", "a\"b\\c"),
                    Arguments.of("a\"b", "a\"b"),
                    Arguments.of("\"\\\"\"", "\""));
        }

        @ParameterizedTest
        @MethodSource("sameKeys")
        void nameTheSameKeyBareAndAsAStructuredFieldString(String header, String key) {
            assertThat(WriteHeaders.idempotencyKey(List.of(header))).contains(new IdempotencyKey(key));
        }

        @Test
        void mayHave255Characters() {
            assertThat(WriteHeaders.idempotencyKey(List.of("k".repeat(255)))).isPresent();
            assertThat(WriteHeaders.idempotencyKey(List.of("\"" + "k".repeat(255) + "\""))).isPresent();
            assertRefused(List.of("k".repeat(256)), "too_big", "String must contain at most 255 character(s)");
        }

        @Test
        void areRefusedEmptyWithSpacesOrBeyondAscii() {
            assertRefused(List.of(""), "too_small", "String must contain at least 1 character(s)");
            assertRefused(List.of("\"\""), "too_small", "String must contain at least 1 character(s)");
            assertRefused(List.of("with space"), "custom", "Must consist of visible ASCII characters (! to ~), without spaces");
            assertRefused(List.of("\"with space\""), "custom", "Must consist of visible ASCII characters (! to ~), without spaces");
            assertRefused(List.of("zoë"), "custom", "Must consist of visible ASCII characters (! to ~), without spaces");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"unclosed", "\"a\"b", "\"a\";param=1", "\"a\\nb\"", "\"a\\\"", "\"\"\"", "\"tab\tin\"", "\"zoë\""})
        void areRefusedAsMalformedStructuredFieldStrings(String header) {
            assertRefused(List.of(header), "custom",
                    "Expected a key, or a key in double quotes with \\\" and \\\\ as the only escapes and nothing after the closing quote");
        }

        @Test
        void areRefusedWhenSentTwice() {
            assertRefused(List.of("a", "a"), "custom", "Must be sent once");
        }

        private void assertRefused(List<String> values, String code, String message) {
            assertThatThrownBy(() -> WriteHeaders.idempotencyKey(values))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.part()).isEqualTo(RequestPart.IDEMPOTENCY_KEY_HEADER);
                        assertThat(e.issues()).containsExactly(new Issue(code, message, List.of("Idempotency-Key")));
                    });
        }
    }

    @Nested
    class IfMatch {
        @Test
        void namesTheExpectedNewestMessage() {
            assertThat(WriteHeaders.expectedLastMessageId(List.of("\"42\""))).hasValue(42);
            assertThat(WriteHeaders.expectedLastMessageId(List.of(" \"0\" "))).hasValue(0);
            assertThat(WriteHeaders.expectedLastMessageId(List.of("\"9223372036854775807\""))).hasValue(Long.MAX_VALUE);
        }

        @Test
        void isNoConditionWhenAbsentOrAStar() {
            assertThat(WriteHeaders.expectedLastMessageId(null)).isEmpty();
            assertThat(WriteHeaders.expectedLastMessageId(List.of("*"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "W/\"42\"", "\"42\", \"43\"", "\"042\"", "\"abc\"", "\"-1\"", "\"9223372036854775808\"", "\"\"", "\"", ""})
        void refusesTagsThisServiceNeverSends(String header) {
            assertThatThrownBy(() -> WriteHeaders.expectedLastMessageId(List.of(header)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.part()).isEqualTo(RequestPart.IF_MATCH_HEADER);
                        assertThat(e.issues()).containsExactly(new Issue("custom",
                                "Expected * or one entity tag from this chat's ETag, such as \"42\"", List.of("If-Match")));
                    });
        }

        @Test
        void refusesTwoHeaders() {
            assertThatThrownBy(() -> WriteHeaders.expectedLastMessageId(List.of("\"1\"", "\"2\"")))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }
}
