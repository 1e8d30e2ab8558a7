package neptun.chat.adapters.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Answers 415 to a request without Content-Type for a method that consumes a body: Jersey matches such a
 * request to any {@code @Consumes} method. Runs after authentication, so an anonymous request still gets 401.
 */
@Priority(Priorities.HEADER_DECORATOR)
final class MissingContentTypeFilter implements ContainerRequestFilter {
    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean consumesBody = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(Consumes.class);
        if (consumesBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new NotSupportedException();
        }
    }
}
