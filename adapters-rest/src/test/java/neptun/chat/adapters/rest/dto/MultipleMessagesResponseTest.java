package neptun.chat.adapters.rest.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Test;

class MultipleMessagesResponseTest {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.120Z");
    private static final Instant T1 = Instant.parse("2026-11-25T14:00:01Z");

    @Test
    void writesEachMessagesOwnTimeWhetherTheyShareItOrNot() {
        var messages = List.of(message(1, T0), message(2, T0), message(3, T1), message(4, T0), message(5, T1), message(6, T1));

        var response = MultipleMessagesResponse.from(messages);

        assertThat(response.chatMessages()).extracting(ChatMessageResponse::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(response.chatMessages()).extracting(ChatMessageResponse::createdAt).containsExactly(
                "2026-11-25T14:00:00.120000Z", "2026-11-25T14:00:00.120000Z", "2026-11-25T14:00:01.000000Z",
                "2026-11-25T14:00:00.120000Z", "2026-11-25T14:00:01.000000Z", "2026-11-25T14:00:01.000000Z");
        assertThat(response.chatMessages()).isEqualTo(messages.stream().map(ChatMessageResponse::from).toList());
    }

    private static ChatMessage message(long id, Instant at) {
        return new ChatMessage(new MessageId(id), new ChatId(7), new UserId("ada"), new MessageContent("text " + id), Actor.USER, at);
    }
}
