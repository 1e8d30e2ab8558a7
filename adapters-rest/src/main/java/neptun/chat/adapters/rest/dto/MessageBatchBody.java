package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import neptun.chat.adapters.rest.error.WireNames;

/** The batch form of a create-messages body, as the API description shows it ({@link SingleMessageBody} says why a record). */
@Schema(description = "Messages in the shape of LLM chat APIs, stored in array order, all or nothing."
        + " The answer is {\"chatMessages\": [...]}.")
public record MessageBatchBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty(WireNames.MESSAGES) List<BatchMessage> messages) {

    /** One message of a batch. */
    @Schema(description = "One message of a batch.")
    public record BatchMessage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The content, kept exactly as sent; not blank.")
            @JsonProperty(WireNames.CONTENT) String content,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who wrote it.")
            @JsonProperty(WireNames.ROLE) String role) {
    }
}
