package neptun.chat.adapters.rest.ops;

import com.codahale.metrics.Meter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.error.ErrorEnvelope;

/**
 * Answers 429 with {@code Retry-After} (whole seconds until the user's next token) to a user past the rate
 * limit. Runs after authentication, so it counts requests by the authenticated user; others pass.
 */
@Priority(Priorities.AUTHORIZATION)
final class RateLimitFilter implements ContainerRequestFilter {
    private final UserRateLimiter limiter;
    private final Meter limited;

    RateLimitFilter(UserRateLimiter limiter, Meter limited) {
        this.limiter = limiter;
        this.limited = limited;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedUser user)) {
            return;
        }
        long waitNanos = limiter.tryAcquire(user.id().value());
        if (waitNanos > 0) {
            limited.mark();
            request.abortWith(tooManyRequests(Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1))));
        }
    }

    private static Response tooManyRequests(long retryAfterSeconds) {
        var status = Response.Status.TOO_MANY_REQUESTS;
        var envelope = new ErrorEnvelope(status.getStatusCode(), status.getReasonPhrase(),
                "Too many requests. Retry after " + retryAfterSeconds + " second(s).", null);
        return Response.fromResponse(envelope.toResponse()).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
