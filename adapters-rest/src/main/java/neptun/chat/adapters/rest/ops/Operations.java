package neptun.chat.adapters.rest.ops;

import com.codahale.metrics.Gauge;
import io.dropwizard.core.setup.Environment;
import io.github.bucket4j.TimeMeter;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * What operators see of the API and what protects it: the request id of every request, the request
 * metrics, the Prometheus endpoint on the admin port ({@value #PROMETHEUS_PATH}: every Dropwizard metric
 * and the request histograms), the cap on requests in flight and the per-user rate limit.
 */
public final class Operations {
    public static final String PROMETHEUS_PATH = "/metrics/prometheus";
    public static final String RATE_LIMITED_METER = "neptun.requests.rate-limited";
    public static final String SATURATED_METER = "neptun.requests.saturated";
    public static final String QUEUED_GAUGE = "neptun.requests.queued";

    private Operations() {
    }

    public static void register(Environment environment, OperationsSettings settings) {
        register(environment, settings, TimeMeter.SYSTEM_NANOTIME);
    }

    static void register(Environment environment, OperationsSettings settings, TimeMeter rateLimitClock) {
        var metrics = environment.metrics();
        var prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(metrics).register(prometheus);
        var requestMetrics = new RequestMetrics(prometheus);

        var servlets = environment.servlets();
        servlets.addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        servlets.addFilter("request-metrics", new RequestMetricsFilter(requestMetrics))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");

        var jersey = environment.jersey();
        jersey.register(new RouteMetricsFeature(requestMetrics));
        jersey.register(new ServerErrorRequestIdFilter());
        metrics.meter(RATE_LIMITED_METER);
        if (settings.rateLimit().isOn()) {
            jersey.register(new RateLimitFilter(new UserRateLimiter(settings.rateLimit(), rateLimitClock),
                    metrics.meter(RATE_LIMITED_METER)));
        }

        var saturation = new SaturationHandler(settings.requests(), metrics.meter(SATURATED_METER));
        metrics.register(QUEUED_GAUGE, (Gauge<Integer>) saturation::getSuspendedRequestCount);
        environment.getApplicationContext().insertHandler(saturation);

        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(prometheus)).addMapping(PROMETHEUS_PATH);
    }
}
