package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import neptun.chat.domain.ChatMessage;

/** Several messages: {@code {"chatMessages": [...]}}, in the order of the request, or of their ids when read. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record MultipleMessagesResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, 
                description = "Messages in the order of the request, or of their ids when read.")
        @JsonProperty("chatMessages") List<ChatMessageResponse> chatMessages) {
    public MultipleMessagesResponse {
        chatMessages = List.copyOf(chatMessages);
    }

    public static MultipleMessagesResponse from(List<ChatMessage> messages) {
        return new MultipleMessagesResponse(messages.stream().map(ChatMessageResponse::from).toList());
    }
}
