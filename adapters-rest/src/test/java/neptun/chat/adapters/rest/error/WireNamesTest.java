package neptun.chat.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WireNamesTest {
    @Nested
    class Standard {
        @Test
        void putsTheFieldOfAMessageUnderMessages() {
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(2, InputField.ROLE))).containsExactly("messages", 2, "role");
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(0, InputField.CONTENT))).containsExactly("messages", 0, "content");
        }

        @Test
        void namesAFieldOfTheCommandByItself() {
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.MESSAGES))).containsExactly("messages");
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.LIMIT))).containsExactly("limit");
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.AFTER))).containsExactly("after");
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.NAME))).containsExactly("name");
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.MODEL))).containsExactly("model");
        }

        @ParameterizedTest
        @EnumSource(value = InputField.class, names = "QUERY", mode = EnumSource.Mode.EXCLUDE)
        void givesEveryFieldTheLowerCaseNameOfItsConstant(InputField field) {
            assertThat(WireNames.STANDARD.of(field)).isEqualTo(field.name().toLowerCase(java.util.Locale.ROOT));
        }

        /** The one exception: a search's query is {@code q}, as web search engines and their clients call it. */
        @Test
        void namesTheSearchQueryQ() {
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.QUERY))).containsExactly("q");
            assertThat(WireNames.STANDARD.pathOf(InputPath.of(InputField.ACTOR))).containsExactly("actor");
        }
    }

    @Nested
    class SingleMessage {
        @Test
        void namesTheFieldsOfItsOneMessageAsTheBodyDoes() {
            assertThat(WireNames.SINGLE_MESSAGE.pathOf(InputPath.of(0, InputField.CONTENT))).containsExactly("message");
            assertThat(WireNames.SINGLE_MESSAGE.pathOf(InputPath.of(0, InputField.ROLE))).containsExactly("actor");
        }

        @Test
        void namesOtherFieldsAsEveryRequestDoes() {
            assertThat(WireNames.SINGLE_MESSAGE.of(InputField.MESSAGES)).isEqualTo("messages");
            assertThat(WireNames.SINGLE_MESSAGE.of(InputField.LIMIT)).isEqualTo("limit");
        }
    }
}
