package neptun.chat.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The JSON body of every error answer: {@code {statusCode, statusMessage, message?, data?}}.
 *
 * @param data details a client can act on, such as {@code issues} or {@code errorId}; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEnvelope(
        @JsonProperty("statusCode") int statusCode,
        @JsonProperty("statusMessage") String statusMessage,
        @JsonProperty("message") String message,
        @JsonProperty("data") Map<String, Object> data) {

    public ErrorEnvelope {
        data = data == null ? null : Map.copyOf(data);
    }

    public Response toResponse() {
        return Response.status(statusCode).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
