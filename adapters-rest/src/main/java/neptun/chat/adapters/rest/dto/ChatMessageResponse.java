package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import neptun.chat.domain.ChatMessage;

/**
 * A stored message as JSON. {@code created_at} is formatted here ({@link Timestamps}), so it does not
 * depend on how the application's ObjectMapper writes dates.
 */
@Schema(description = "A stored message.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ChatMessageResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", minimum = "1") @JsonProperty("id") long id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", minimum = "1", description = "The chat's id.")
        @JsonProperty("chat_conversation_id") long chatConversationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's user id.")
        @JsonProperty("neptun_user_id") String neptunUserId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The content, exactly as sent.")
        @JsonProperty("message") String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who wrote it.") @JsonProperty("actor") String actor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "When it was stored: UTC, always six fraction digits.") @JsonProperty("created_at") String createdAt) {

    public static ChatMessageResponse from(ChatMessage message) {
        return from(message, Timestamps.format(message.createdAt()));
    }

    /** With {@code createdAt} formatted already (the messages of one request share their time). */
    static ChatMessageResponse from(ChatMessage message, String createdAt) {
        return new ChatMessageResponse(
                message.id().value(),
                message.chatId().value(),
                message.userId().value(),
                message.content().value(),
                message.actor().wireName(),
                createdAt);
    }
}
