package neptun.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageContentTest {
    @ParameterizedTest
    @ValueSource(strings = {"hi", "  padded  ", "\n\tindented code\n", "😀 emoji", "日本語", "שלום", "e\u0301", "x"})
    void keepsValidTextExactlyAsWritten(String text) {
        assertThat(MessageContent.problemWith(text)).isEmpty();
        assertThat(new MessageContent(text).value()).isSameAs(text);
    }

    @Test
    void rejectsEmptyText() {
        assertThat(MessageContent.problemWith("")).contains(ContentProblem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\t \r\n", "\u2003\u3000"})
    void rejectsWhitespaceOnlyText(String text) {
        assertThat(MessageContent.problemWith(text)).contains(ContentProblem.BLANK);
    }

    @Test
    void rejectsNulCharacters() {
        assertThat(MessageContent.problemWith("a\u0000b")).contains(ContentProblem.CONTAINS_NUL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDBFF\uDBFF", "end\uD83D"})
    void rejectsLoneSurrogates(String text) {
        assertThat(MessageContent.problemWith(text)).contains(ContentProblem.INVALID_UNICODE);
    }

    @Test
    void constructorRefusesWhatTheCheckRefuses() {
        assertThatThrownBy(() -> new MessageContent("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
