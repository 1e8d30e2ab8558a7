package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import neptun.chat.domain.ChatMessage;

/** One message: {@code {"chatMessage": {...}}}, answering a single-message body or a removal. */
public record SingleMessageResponse(@JsonProperty("chatMessage") ChatMessageResponse chatMessage) {
    public static SingleMessageResponse from(ChatMessage message) {
        return new SingleMessageResponse(ChatMessageResponse.from(message));
    }
}
