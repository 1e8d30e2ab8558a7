package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The application's violations in zod's words. */
class IssueTest {
    private static final InputPath SOMEWHERE = InputPath.of(0, InputField.CONTENT);
    private static final List<Object> PATH = List.of("messages", 0, "content");

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of(Violation.beyond(SOMEWHERE, Kind.TOO_SHORT, 1), "too_small", "String must contain at least 1 character(s)"),
                Arguments.of(Violation.beyond(SOMEWHERE, Kind.TOO_LONG, 255), "too_big", "String must contain at most 255 character(s)"),
                Arguments.of(Violation.of(SOMEWHERE, Kind.BLANK), "custom", "String must not be blank"),
                Arguments.of(Violation.of(SOMEWHERE, Kind.CONTAINS_NUL), "custom", "String must not contain NUL characters"),
                Arguments.of(Violation.of(SOMEWHERE, Kind.INVALID_UNICODE), "custom", "String must be valid Unicode text"),
                Arguments.of(Violation.notOneOf(SOMEWHERE, List.of("user", "assistant", "system"), "bad\u0007role"), "invalid_enum_value",
                        "Invalid enum value. Expected 'user' | 'assistant' | 'system', received 'bad\uFFFDrole'"),
                Arguments.of(Violation.beyond(SOMEWHERE, Kind.TOO_FEW, 1), "too_small", "Array must contain at least 1 element(s)"),
                Arguments.of(Violation.beyond(SOMEWHERE, Kind.TOO_MANY, 1000), "too_big", "Array must contain at most 1000 element(s)"),
                Arguments.of(Violation.beyond(SOMEWHERE, Kind.TOO_LOW, 0), "too_small", "Number must be greater than or equal to 0"),
                Arguments.of(Violation.beyond(SOMEWHERE, Kind.TOO_HIGH, 1000), "too_big", "Number must be less than or equal to 1000"),
                Arguments.of(Violation.of(SOMEWHERE, Kind.NO_SEARCH_TERMS), "custom",
                        "Query must contain a word to find (letters or digits), not only excluded words"));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void wordsEachKindOfViolationAsZodDoes(Violation violation, String code, String message) {
        assertThat(Issue.of(violation, PATH)).isEqualTo(new Issue(code, message, PATH));
    }

    @Test
    void wordsEveryKind() {
        assertThat(violations().map(arguments -> ((Violation) arguments.get()[0]).kind()))
                .containsExactlyInAnyOrder(Kind.values());
    }

    @Test
    void wordsNumbersOutOfRange() {
        assertThat(Issue.numberTooBig(List.of("after"), Long.MAX_VALUE))
                .isEqualTo(new Issue("too_big", "Number must be less than or equal to 9223372036854775807", List.of("after")));
        assertThat(Issue.numberTooSmall(List.of("after"), Long.MIN_VALUE))
                .isEqualTo(new Issue("too_small", "Number must be greater than or equal to -9223372036854775808", List.of("after")));
    }

    @Test
    void listsTheExpectedNamesOfAnEnum() {
        assertThat(Issue.invalidEnumValue(List.of("order_by"), Arrays.asList("updated_at", "created_at"), "name").message())
                .isEqualTo("Invalid enum value. Expected 'updated_at' | 'created_at', received 'name'");
    }
}
