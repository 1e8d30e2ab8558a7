package neptun.chat.adapters.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads and discards the part of a request body that nobody read (a 401 or 404 is answered before the
 * body is parsed). Otherwise Jetty, finding body bytes still in flight after the response was sent,
 * closes the keep-alive connection without warning, and the client's next request on it fails with no
 * response at all. Bodies are bounded by {@link BodySizeLimitFilter}; a body over the limit is not
 * drained (its 413 closes the connection, as it should).
 */
final class UnreadBodyDrainFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            return;
        }
        try {
            // Almost always read to its end already: one read() says so without transferTo's buffer.
            InputStream body = request.getEntityStream();
            if (body.read() >= 0) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException unreadable) {
            // Over the size limit, or the client went away: the connection cannot be kept anyway.
        }
    }
}
