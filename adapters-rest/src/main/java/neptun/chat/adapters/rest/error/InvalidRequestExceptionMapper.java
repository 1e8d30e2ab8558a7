package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

final class InvalidRequestExceptionMapper implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException exception) {
        return new ErrorEnvelope(Response.Status.BAD_REQUEST.getStatusCode(), exception.part().statusMessage(), null,
                Map.of("issues", exception.issues())).toResponse();
    }
}
