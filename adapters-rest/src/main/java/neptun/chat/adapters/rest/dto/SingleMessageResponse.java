package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import neptun.chat.domain.ChatMessage;

/** The answer to a single-message body: {@code {"chatMessage": {...}}}. */
public record SingleMessageResponse(@JsonProperty("chatMessage") ChatMessageResponse chatMessage) {
    public static SingleMessageResponse from(ChatMessage message) {
        return new SingleMessageResponse(ChatMessageResponse.from(message));
    }
}
