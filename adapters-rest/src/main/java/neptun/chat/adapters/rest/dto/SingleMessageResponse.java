package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import neptun.chat.domain.ChatMessage;

/** One message: {@code {"chatMessage": {...}}}, answering a single-message body or a removal. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SingleMessageResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("chatMessage") ChatMessageResponse chatMessage) {
    public static SingleMessageResponse from(ChatMessage message) {
        return new SingleMessageResponse(ChatMessageResponse.from(message));
    }
}
