package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import neptun.chat.adapters.rest.error.WireNames;

/** The body that creates or renames a chat, as the API description shows it ({@link SingleMessageBody} says why a record). */
@Schema(description = "A chat's name and, optionally, its model.")
public record ChatInputBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Not blank.") @JsonProperty(WireNames.NAME) String name,
        @Schema(types = {"string", "null"},
                description = "Not blank. Absent or null: none on creation, unchanged on a rename.")
        @JsonProperty(WireNames.MODEL) String model) {
}
