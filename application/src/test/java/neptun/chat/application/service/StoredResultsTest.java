package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredResultsTest {
    private static final Instant AT = Instant.parse("2026-03-20T10:00:00.123456789Z");

    /** Text kept as it is, for tests of the rule that need a form. */
    static final class TextForm implements StoredResults.Form<String> {
        @Override
        public String write(String result) {
            return result;
        }

        @Override
        public String read(String text) {
            return text;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "12:34", "0:", "with\nnew lines\r\n", "  spaces kept  ", "😀 日本語 e\u0301", "\\\"quoted\"", ":::"})
    void keepsMessagesExactly(String content) {
        var messages = List.of(
                new ChatMessage(new MessageId(1), new ChatId(7), new UserId("zoë: 1"), new MessageContent(content), Actor.USER, AT),
                new ChatMessage(new MessageId(Long.MAX_VALUE), new ChatId(7), ADA, new MessageContent("x"), Actor.SYSTEM, Instant.EPOCH));

        assertThat(StoredResults.MESSAGES.read(StoredResults.MESSAGES.write(messages))).isEqualTo(messages);
        assertThat(StoredResults.MESSAGE.read(StoredResults.MESSAGE.write(messages.get(0)))).isEqualTo(messages.get(0));
    }

    @Test
    void keepsAnEmptyList() {
        assertThat(StoredResults.MESSAGES.read(StoredResults.MESSAGES.write(List.of()))).isEmpty();
    }

    @Test
    void keepsChatsWithAndWithoutModel() {
        var withModel = new Chat(new ChatId(3), ADA, "Trip: 5 days", Optional.of("gpt-4o"), AT, AT.plusSeconds(1));
        var withEmptyLookingModel = new Chat(new ChatId(3), ADA, "n", Optional.of("-"), AT, AT);
        var without = new Chat(new ChatId(4), ADA, "n", Optional.empty(), AT, AT);

        for (Chat chat : List.of(withModel, withEmptyLookingModel, without)) {
            assertThat(StoredResults.CHAT.read(StoredResults.CHAT.write(chat))).isEqualTo(chat);
        }
    }

    @Test
    void refusesTextOfAnotherFormOrCutShort() {
        String messages = StoredResults.MESSAGES.write(List.of());
        String chat = StoredResults.CHAT.write(new Chat(new ChatId(4), ADA, "n", Optional.empty(), AT, AT));

        assertThatThrownBy(() -> StoredResults.CHAT.read(messages)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StoredResults.CHAT.read(chat.substring(0, chat.length() - 3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StoredResults.MESSAGES.read(messages + "1:x")).isInstanceOf(IllegalStateException.class);
    }
}
