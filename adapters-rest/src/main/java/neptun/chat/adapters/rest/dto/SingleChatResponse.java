package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import neptun.chat.domain.Chat;

/** One chat: {@code {"chat": {...}}}. */
public record SingleChatResponse(@JsonProperty("chat") ChatResponse chat) {
    public static SingleChatResponse from(Chat chat) {
        return new SingleChatResponse(ChatResponse.from(chat));
    }
}
