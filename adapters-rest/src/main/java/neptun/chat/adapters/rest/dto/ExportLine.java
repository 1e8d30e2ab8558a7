package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of one line of a JSON Lines export, as the API description states it. The export writes its lines
 * with a streaming generator rather than through this record, so that a long chat is never held in memory.
 */
@Schema(description = "One message of a JSON Lines export: each line of the body is one such object, in id order."
        + " import-messages reads role and content and ignores the rest.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ExportLine(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who wrote it.") @JsonProperty("role") String role,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The content, exactly as stored.")
        @JsonProperty("content") String content,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", minimum = "1", description = "The message's id.")
        @JsonProperty("id") long id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "When it was stored: UTC, always six fraction digits.") @JsonProperty("created_at") String createdAt) {
}
