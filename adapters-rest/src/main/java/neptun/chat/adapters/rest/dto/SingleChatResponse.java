package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import neptun.chat.domain.Chat;

/** One chat: {@code {"chat": {...}}}. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SingleChatResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("chat") ChatResponse chat) {
    public static SingleChatResponse from(Chat chat) {
        return new SingleChatResponse(ChatResponse.from(chat));
    }
}
