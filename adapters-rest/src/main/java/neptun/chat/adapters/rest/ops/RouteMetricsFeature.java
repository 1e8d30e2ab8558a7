package neptun.chat.adapters.rest.ops;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Binds to every resource method a filter that tags its requests with the method's route, resolved once here,
 * before authentication runs (so a 401 is counted under its route too).
 */
final class RouteMetricsFeature implements DynamicFeature {
    private final RequestMetrics metrics;

    RouteMetricsFeature(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        String httpMethod = httpMethodOf(method);
        if (httpMethod == null) {
            return; // a sub-resource locator: its resources are bound themselves
        }
        context.register(new RouteTag(metrics.route(httpMethod, template(resource.getResourceClass(), method))));
    }

    static String template(Class<?> resourceClass, Method method) {
        String base = pathOf(resourceClass.getAnnotation(Path.class));
        String sub = pathOf(method.getAnnotation(Path.class));
        String joined = sub.isEmpty() ? base : base + "/" + sub;
        return "/" + joined;
    }

    private static String pathOf(Path path) {
        if (path == null) {
            return "";
        }
        String value = path.value();
        int from = 0;
        int to = value.length();
        while (from < to && value.charAt(from) == '/') {
            from++;
        }
        while (to > from && value.charAt(to - 1) == '/') {
            to--;
        }
        return value.substring(from, to);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    @Priority(Priorities.AUTHENTICATION - 100)
    private static final class RouteTag implements ContainerRequestFilter {
        private final RequestMetrics.Route route;

        RouteTag(RequestMetrics.Route route) {
            this.route = route;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(RequestMetricsFilter.ROUTE_ATTRIBUTE, route);
        }
    }
}
