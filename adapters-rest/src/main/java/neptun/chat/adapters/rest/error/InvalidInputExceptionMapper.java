package neptun.chat.adapters.rest.error;

import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.Method;
import neptun.chat.application.port.in.InvalidInputException;

/**
 * A use case refused its input: a 400 naming the part of the request the route read it from (the route's
 * {@link InputFrom}), with each violation as an issue at its place in the request (by the request's
 * {@link WireNames}, standard unless the route left others in the request property).
 */
final class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {
    private final InvalidRequestExceptionMapper envelope = new InvalidRequestExceptionMapper();

    @Context
    private ResourceInfo resource;

    /** A provider: a mapper lives as long as the application, the request only as long as itself. */
    @Context
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(InvalidInputException exception) {
        WireNames names = request.get().getProperty(WireNames.PROPERTY) instanceof WireNames named ? named : WireNames.STANDARD;
        var issues = exception.violations().stream()
                .map(violation -> Issue.of(violation, names.pathOf(violation.path())))
                .toList();
        return envelope.toResponse(InvalidRequestException.invalid(part(), issues));
    }

    private RequestPart part() {
        Method method = resource.getResourceMethod();
        InputFrom input = method == null ? null : method.getAnnotation(InputFrom.class);
        return input == null ? RequestPart.UNNAMED : input.value();
    }
}
