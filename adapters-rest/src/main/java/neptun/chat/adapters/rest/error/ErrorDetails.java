package neptun.chat.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What an error envelope's {@code data} may hold, as the API description shows it; the mappers write it as a
 * map, each the keys that apply to its answer.
 */
@Schema(description = "Details a client can act on; which keys appear depends on the answer.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ErrorDetails(
        @Schema(description = "400: every problem found, each with its path.") @JsonProperty("issues") List<Issue> issues,
        @Schema(description = "500: quote it when reporting the problem; the log has the details.") @JsonProperty("errorId") String errorId,
        @Schema(description = "5xx: the X-Request-Id of the request.") @JsonProperty("requestId") String requestId,
        @Schema(description = "503 from the database: why; outcome_unknown means a write may have been stored.")
        @JsonProperty("reason") String reason,
        @Schema(description = "412: the chat's entity tag now.") @JsonProperty("etag") String etag) {
}
