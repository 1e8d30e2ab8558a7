package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import neptun.chat.adapters.rest.error.WireNames;

/**
 * The single-message form of a create-messages body, as the API description shows it. The resource reads
 * bodies as JSON trees (unknown fields ignored); this record only names the shape. Its limits come from the
 * configuration when the description is built.
 */
@Schema(description = "One message, in the vocabulary of neptun's original endpoint. The answer is {\"chatMessage\": ...}.")
public record SingleMessageBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The content, kept exactly as sent; not blank.")
        @JsonProperty(WireNames.MESSAGE) String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who wrote it.")
        @JsonProperty(WireNames.ACTOR) String actor) {
}
