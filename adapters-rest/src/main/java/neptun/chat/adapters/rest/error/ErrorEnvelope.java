package neptun.chat.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The JSON body of every error answer: {@code {statusCode, statusMessage, message?, data?}}.
 *
 * @param data details a client can act on, such as {@code issues} or {@code errorId}; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The body of every error answer.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ErrorEnvelope(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The answer's HTTP status.")
        @JsonProperty("statusCode") int statusCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, 
                description = "What was wrong, e.g. \"Bad Request. Invalid body(model, name).\"")
        @JsonProperty("statusMessage") String statusMessage,
        @JsonProperty("message") String message,
        @Schema(implementation = ErrorDetails.class) @JsonProperty("data") Map<String, Object> data) {

    public ErrorEnvelope {
        data = data == null ? null : Map.copyOf(data);
    }

    public Response toResponse() {
        return Response.status(statusCode).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
