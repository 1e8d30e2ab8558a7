package neptun.chat.adapters.rest.ops;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times each request from the servlet's start to the end of its answer and records it under the route that
 * {@link RouteMetricsFeature} tagged it with (or as unmatched).
 */
final class RequestMetricsFilter implements Filter {
    static final String ROUTE_ATTRIBUTE = RequestMetricsFilter.class.getName() + ".route";

    private final RequestMetrics metrics;

    RequestMetricsFilter(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // An exception that escapes the chain becomes a 500 further out.
            int status = failed ? 500 : ((HttpServletResponse) response).getStatus();
            routeOf(request).observe(status, System.nanoTime() - start);
        }
    }

    private RequestMetrics.Route routeOf(ServletRequest request) {
        return request.getAttribute(ROUTE_ATTRIBUTE) instanceof RequestMetrics.Route route
                ? route
                : metrics.unmatched(((HttpServletRequest) request).getMethod());
    }
}
