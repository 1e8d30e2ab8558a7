package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import neptun.chat.domain.ChatMessage;

/**
 * A stored message as JSON. {@code created_at} is formatted here ({@link Timestamps}), so it does not
 * depend on how the application's ObjectMapper writes dates.
 */
public record ChatMessageResponse(
        @JsonProperty("id") long id,
        @JsonProperty("chat_conversation_id") long chatConversationId,
        @JsonProperty("neptun_user_id") String neptunUserId,
        @JsonProperty("message") String message,
        @JsonProperty("actor") String actor,
        @JsonProperty("created_at") String createdAt) {

    public static ChatMessageResponse from(ChatMessage message) {
        return new ChatMessageResponse(
                message.id().value(),
                message.chatId().value(),
                message.userId().value(),
                message.content().value(),
                message.actor().wireName(),
                Timestamps.format(message.createdAt()));
    }
}
