package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Formats each run of equal creation times once: the messages a request stores share theirs. */
    public static MultipleMessagesResponse from(List<ChatMessage> messages) {
        List<ChatMessageResponse> responses = new ArrayList<>(messages.size());
        Instant time = null;
        String formatted = null;
        for (ChatMessage message : messages) {
            if (!message.createdAt().equals(time)) {
                time = message.createdAt();
                formatted = Timestamps.format(time);
            }
            responses.add(ChatMessageResponse.from(message, formatted));
        }
        return new MultipleMessagesResponse(responses);
    }
}
