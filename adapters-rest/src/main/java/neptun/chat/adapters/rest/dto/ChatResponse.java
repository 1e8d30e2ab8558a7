package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import neptun.chat.domain.Chat;

/**
 * A chat as JSON. {@code model} is null when the chat has none; times are formatted here ({@link Timestamps}),
 * so they do not depend on the application's ObjectMapper. {@code updated_at} is the later of the chat's
 * last rename and its newest message.
 */
public record ChatResponse(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("model") String model,
        @JsonProperty("neptun_user_id") String neptunUserId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    public static ChatResponse from(Chat chat) {
        return new ChatResponse(
                chat.id().value(),
                chat.name(),
                chat.model().orElse(null),
                chat.owner().value(),
                Timestamps.format(chat.createdAt()),
                Timestamps.format(chat.updatedAt()));
    }
}
