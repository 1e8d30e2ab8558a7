package neptun.chat.adapters.rest.ops;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.HashMap;
import java.util.Map;
import neptun.chat.adapters.rest.error.ErrorEnvelope;

/**
 * Adds the request's id to the envelope of every 5xx answer ({@code data.requestId}), whichever mapper
 * made it, so that a client can quote it and an operator find the request's log lines.
 */
final class ServerErrorRequestIdFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 500 || !(response.getEntity() instanceof ErrorEnvelope envelope)
                || !(request.getProperty(RequestIds.ATTRIBUTE) instanceof String id)) {
            return;
        }
        Map<String, Object> data = envelope.data() == null ? new HashMap<>() : new HashMap<>(envelope.data());
        data.put("requestId", id);
        response.setEntity(new ErrorEnvelope(envelope.statusCode(), envelope.statusMessage(), envelope.message(), data));
    }
}
