package neptun.chat.adapters.rest.ops;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latency histogram of answered requests, {@value #NAME}, by method, route (the matched template, such as
 * {@code /api/users/{user_id}/chats}) and status; its {@code _count} is the number of requests. Requests that
 * match no route share the route {@value #UNMATCHED}. Each route resolves its data points once per status, so
 * recording a request allocates nothing.
 */
final class RequestMetrics {
    static final String NAME = "http_server_request_duration_seconds";
    static final String UNMATCHED = "unmatched";
    /** Seconds: from well under a millisecond (a cached read) to the bounds of waits on the database. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final String[] KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

    private final Histogram histogram;
    private final Map<String, Route> unmatched;
    private final Route unmatchedOther;

    RequestMetrics(PrometheusRegistry registry) {
        histogram = Histogram.builder()
                .name(NAME)
                .help("Time from the start of a request to its answer, by method, route and status")
                .unit(Unit.SECONDS)
                .labelNames("method", "route", "status")
                .classicOnly()
                .classicUpperBounds(BUCKETS)
                .withoutExemplars()
                .register(registry);
        var byMethod = new java.util.HashMap<String, Route>();
        for (String method : KNOWN_METHODS) {
            byMethod.put(method, route(method, UNMATCHED));
        }
        unmatched = Map.copyOf(byMethod);
        unmatchedOther = route("other", UNMATCHED);
    }

    Route route(String method, String template) {
        return new Route(method, template);
    }

    /** For a request that matched no route; unknown methods share one label, so clients cannot add series. */
    Route unmatched(String method) {
        Route route = unmatched.get(method);
        return route == null ? unmatchedOther : route;
    }

    /** One route's series, one per status. */
    final class Route {
        private final String method;
        private final String template;
        private final AtomicReferenceArray<DistributionDataPoint> byStatus = new AtomicReferenceArray<>(600);

        private Route(String method, String template) {
            this.method = method;
            this.template = template;
        }

        void observe(int status, long nanos) {
            int index = status >= 100 && status < 600 ? status : 0;
            DistributionDataPoint point = byStatus.get(index);
            if (point == null) {
                point = histogram.labelValues(method, template, index == 0 ? "other" : Integer.toString(status));
                byStatus.set(index, point);
            }
            point.observe(nanos / 1e9);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
