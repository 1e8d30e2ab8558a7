package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything no other mapper takes. Jersey's own errors (unknown route, wrong method, unsupported media
 * type) arrive as {@link WebApplicationException}s and keep their status; anything else is a 500 whose
 * details go to the log under a random error id that the client gets instead.
 */
final class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(CatchAllExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException webException && webException.getResponse().getStatus() < 500) {
            Response original = webException.getResponse();
            // Keeps headers such as Allow on a 405.
            return Response.fromResponse(original)
                    .entity(new ErrorEnvelope(original.getStatus(), reasonPhrase(original), null, null))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", errorId, exception);
        int status = exception instanceof WebApplicationException webException
                ? webException.getResponse().getStatus()
                : Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
        return new ErrorEnvelope(status, reasonPhrase(Response.status(status).build()),
                "An unexpected error occurred. Error id: " + errorId,
                Map.of("errorId", errorId)).toResponse();
    }

    private static String reasonPhrase(Response response) {
        Response.Status known = Response.Status.fromStatusCode(response.getStatus());
        if (known != null) {
            return known.getReasonPhrase();
        }
        String phrase = response.getStatusInfo().getReasonPhrase();
        return phrase == null || phrase.isBlank() ? "HTTP " + response.getStatus() : phrase;
    }
}
