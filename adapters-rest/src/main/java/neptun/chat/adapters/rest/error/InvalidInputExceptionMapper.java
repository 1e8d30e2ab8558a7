package neptun.chat.adapters.rest.error;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.Method;
import neptun.chat.application.port.in.InvalidInputException;

/**
 * A use case refused its input: a 400 naming the part of the request the route read it from (the route's
 * {@link InputFrom}), with each violation as an issue at its place in the request by the standard
 * {@link WireNames}. A route whose requests name fields otherwise refuses with
 * {@link InvalidRequestException#refused} itself.
 */
final class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {
    private final InvalidRequestExceptionMapper envelope = new InvalidRequestExceptionMapper();

    @Context
    private ResourceInfo resource;

    @Override
    public Response toResponse(InvalidInputException exception) {
        return envelope.toResponse(InvalidRequestException.refused(exception, part(), WireNames.STANDARD));
    }

    private RequestPart part() {
        Method method = resource.getResourceMethod();
        InputFrom input = method == null ? null : method.getAnnotation(InputFrom.class);
        return input == null ? RequestPart.UNNAMED : input.value();
    }
}
