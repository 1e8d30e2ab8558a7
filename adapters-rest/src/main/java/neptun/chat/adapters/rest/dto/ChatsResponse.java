package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import neptun.chat.domain.Chat;

/** A list of chats: {@code {"chats": [...]}}, in the order asked for. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ChatsResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Chats in the order asked for.")
        @JsonProperty("chats") List<ChatResponse> chats) {
    public ChatsResponse {
        chats = List.copyOf(chats);
    }

    public static ChatsResponse from(List<Chat> chats) {
        return new ChatsResponse(chats.stream().map(ChatResponse::from).toList());
    }
}
