package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import neptun.chat.application.port.in.IdempotencyKeyReusedException;

/** The key was sent before with another method, route or body: a 422, and nothing was done. */
final class IdempotencyKeyReusedExceptionMapper implements ExceptionMapper<IdempotencyKeyReusedException> {
    static final int UNPROCESSABLE_CONTENT = 422;
    static final String KEY_USED_FOR_ANOTHER_REQUEST = "Unprocessable Content. The Idempotency-Key was used for another request.";

    @Override
    public Response toResponse(IdempotencyKeyReusedException exception) {
        return new ErrorEnvelope(UNPROCESSABLE_CONTENT, KEY_USED_FOR_ANOTHER_REQUEST,
                "This Idempotency-Key came before with another method, route or body. Send a new key for a new request.", null)
                .toResponse();
    }
}
