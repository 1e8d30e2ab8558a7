package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import neptun.chat.domain.Chat;

/**
 * A chat as JSON. {@code model} is null when the chat has none; times are formatted here ({@link Timestamps}),
 * so they do not depend on the application's ObjectMapper. {@code updated_at} is the later of the chat's
 * last rename and its newest message.
 */
@Schema(description = "A chat.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ChatResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", minimum = "1") @JsonProperty("id") long id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("name") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"}, description = "null when the chat has none.")
        @JsonProperty("model") String model,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's user id.")
        @JsonProperty("neptun_user_id") String neptunUserId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") @JsonProperty("created_at") String createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "The later of its creation or last rename and its newest message.")
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
