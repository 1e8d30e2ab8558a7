package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import neptun.chat.application.port.in.LastMessageChangedException;

/**
 * The chat's newest message is no longer the one If-Match named: a 412 carrying the chat's tag now (as
 * {@code ETag} and in {@code data.etag}), and nothing was done. Only the chat's owner gets this far.
 */
final class LastMessageChangedExceptionMapper implements ExceptionMapper<LastMessageChangedException> {
    static final String NEWEST_MESSAGE_CHANGED = "Precondition Failed. The chat's newest message is not the one If-Match names.";

    @Override
    public Response toResponse(LastMessageChangedException exception) {
        String etag = EntityTags.of(exception.lastMessageId());
        Response envelope = new ErrorEnvelope(Response.Status.PRECONDITION_FAILED.getStatusCode(), NEWEST_MESSAGE_CHANGED,
                "The chat changed since it was read; its tag is now " + etag + ".", Map.of("etag", etag)).toResponse();
        return Response.fromResponse(envelope).header(EntityTags.ETAG, etag).build();
    }
}
