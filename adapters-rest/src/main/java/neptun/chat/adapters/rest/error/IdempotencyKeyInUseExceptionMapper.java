package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import neptun.chat.application.port.in.IdempotencyKeyInUseException;

/** The first request with the key has not finished: a 409 to retry after a second, and nothing was done. */
final class IdempotencyKeyInUseExceptionMapper implements ExceptionMapper<IdempotencyKeyInUseException> {
    static final String KEY_IN_USE = "Conflict. A request with this Idempotency-Key is in progress.";

    @Override
    public Response toResponse(IdempotencyKeyInUseException exception) {
        Response envelope = new ErrorEnvelope(Response.Status.CONFLICT.getStatusCode(), KEY_IN_USE,
                "Send the request again in a moment: it will be answered as the first one was.", null).toResponse();
        return Response.fromResponse(envelope).header(EntityTags.RETRY_AFTER, "1").build();
    }
}
