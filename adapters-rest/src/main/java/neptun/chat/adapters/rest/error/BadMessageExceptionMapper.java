package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Jetty's refusals of a request it is reading, such as a body arriving slower than the minimum data rate
 * (408): answered with their status and "Connection: close", since the rest of the body is not read. They
 * are the client's doing, so nothing is logged.
 */
final class BadMessageExceptionMapper implements ExceptionMapper<BadMessageException> {
    @Override
    public Response toResponse(BadMessageException exception) {
        int code = exception.getCode() >= 400 && exception.getCode() < 500 ? exception.getCode() : 400;
        Response.StatusType status = Response.Status.fromStatusCode(code);
        String phrase = status == null ? "HTTP " + code : status.getReasonPhrase();
        return Response.fromResponse(new ErrorEnvelope(code, phrase, null, null).toResponse()).header("Connection", "close").build();
    }
}
