package neptun.chat.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import neptun.chat.application.port.in.Violation.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViolationTest {
    private static final InputPath CONTENT_OF_THIRD = InputPath.of(2, InputField.CONTENT);

    @Nested
    class Paths {
        @Test
        void nameAFieldOfTheCommandOrOfOneOfItsMessages() {
            assertThat(InputPath.of(InputField.LIMIT)).hasToString("[limit]");
            assertThat(InputPath.of(2, InputField.ROLE)).hasToString("[2, role]");
            assertThat(InputPath.of(2, InputField.ROLE)).isEqualTo(InputPath.of(2, InputField.ROLE)).isNotEqualTo(InputPath.of(1, InputField.ROLE));
        }

        @Test
        void haveNoNegativeIndex() {
            assertThatIllegalArgumentException().isThrownBy(() -> InputPath.of(-1, InputField.CONTENT));
        }
    }

    @Nested
    class Descriptions {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "TOO_SHORT | 1    | must not be empty",
            "TOO_SHORT | 3    | must have at least 3 characters",
            "TOO_LONG  | 1    | must have at most 1 character",
            "TOO_LONG  | 20   | must have at most 20 characters",
            "TOO_FEW   | 1    | must not be empty",
            "TOO_FEW   | 2    | must have at least 2 elements",
            "TOO_MANY  | 1000 | must have at most 1000 elements",
            "TOO_LOW   | 0    | must be at least 0",
            "TOO_HIGH  | 1000 | must be at most 1000"})
        void sayTheBound(Kind kind, long bound, String description) {
            assertThat(Violation.beyond(CONTENT_OF_THIRD, kind, bound).description()).isEqualTo(description);
        }

        @Test
        void sayWhatIsWrongWithAText() {
            assertThat(Violation.of(CONTENT_OF_THIRD, Kind.BLANK).description()).isEqualTo("must not be blank");
            assertThat(Violation.of(CONTENT_OF_THIRD, Kind.CONTAINS_NUL).description()).isEqualTo("must not contain NUL characters");
            assertThat(Violation.of(CONTENT_OF_THIRD, Kind.INVALID_UNICODE).description()).isEqualTo("must be valid Unicode text");
        }

        @Test
        void listTheAllowedNamesAndTheRefusedOne() {
            var violation = Violation.notOneOf(InputPath.of(0, InputField.ROLE), List.of("user", "assistant", "system"), "robot");

            assertThat(violation.description()).isEqualTo("must be one of 'user', 'assistant', 'system', not 'robot'");
            assertThat(violation).hasToString("[0, role] must be one of 'user', 'assistant', 'system', not 'robot'");
        }
    }

    @Nested
    class Previews {
        @Test
        void keepShortValuesAsTheyAre() {
            assertThat(Violation.preview("robot 😀")).isEqualTo("robot 😀");
        }

        @Test
        void cutLongValuesAtFortyCharacters() {
            assertThat(Violation.preview("x".repeat(41))).isEqualTo("x".repeat(40) + "…");
            assertThat(Violation.preview("x".repeat(40))).isEqualTo("x".repeat(40));
        }

        @Test
        void replaceControlCharactersAndLoneSurrogates() {
            assertThat(Violation.preview("a\u0000b\nc\uD800d")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        }

        @Test
        void areWhatANotOneOfViolationKeeps() {
            assertThat(Violation.notOneOf(InputPath.of(0, InputField.ROLE), List.of("user"), "y".repeat(50) + "\u0007").received())
                    .isEqualTo("y".repeat(40) + "…");
        }
    }

    @Nested
    class Refusals {
        @Test
        void reportAtMostTheMaximumNumberOfViolations() {
            var many = Collections.nCopies(InvalidInputException.MAX_VIOLATIONS + 50, Violation.of(CONTENT_OF_THIRD, Kind.BLANK));

            assertThat(new InvalidInputException(many).violations()).hasSize(InvalidInputException.MAX_VIOLATIONS);
        }

        @Test
        void nameTheFirstViolationInTheirMessage() {
            var refusal = new InvalidInputException(List.of(Violation.of(CONTENT_OF_THIRD, Kind.BLANK),
                    Violation.beyond(InputPath.of(InputField.MESSAGES), Kind.TOO_MANY, 3)));

            assertThat(refusal).hasMessage("2 invalid value(s): [2, content] must not be blank");
        }

        @Test
        void needAReason() {
            assertThatIllegalArgumentException().isThrownBy(() -> new InvalidInputException(List.of()));
        }
    }
}
