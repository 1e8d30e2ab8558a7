package neptun.chat.adapters.rest.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.Response;
import neptun.chat.adapters.rest.error.ErrorEnvelope;

/**
 * The 401 in the error envelope. The filter throws it with its body already set, and Jersey sends such a
 * response as it is, past every exception mapper; hence it is built here.
 */
final class EnvelopeUnauthorizedHandler implements UnauthorizedHandler {
    @Override
    public Response buildResponse(String prefix, String realm) {
        var status = Response.Status.UNAUTHORIZED;
        return new ErrorEnvelope(status.getStatusCode(), status.getReasonPhrase(),
                "A valid session cookie is required.", null).toResponse();
    }
}
