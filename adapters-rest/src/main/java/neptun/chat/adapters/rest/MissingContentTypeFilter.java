package neptun.chat.adapters.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Answers 415 to a request without Content-Type for a method that consumes a body: Jersey matches such a
 * request to any {@code @Consumes} method. Runs after authentication, so an anonymous request still gets 401.
 * The check is bound once, at start-up, to the methods that consume a body, rather than asking Jersey for
 * the matched method in every request (a lookup through its injection proxies).
 */
final class MissingContentTypeFilter implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Consumes.class)) {
            context.register(new ContentTypeRequired());
        }
    }

    @Priority(Priorities.HEADER_DECORATOR)
    private static final class ContentTypeRequired implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
                throw new NotSupportedException();
            }
        }
    }
}
