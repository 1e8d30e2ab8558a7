package neptun.chat.adapters.rest.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.EntityTags;
import neptun.chat.adapters.rest.ops.RequestIds;

/**
 * The answers an operation gets from what wraps every route rather than from its own code, derived from what
 * the operation takes:
 * <ul>
 * <li>every one: 500 (the catch-all mapper), 503 (saturation, the database), and X-Request-Id on every answer;</li>
 * <li>with the session cookie: 400 (its path and query values), 401 (the auth filter), 404 (another user's path,
 * an unknown chat), 429 (the rate limit);</li>
 * <li>with a body: 400, 408 (a body too slow), 413 (too large), 415 (not JSON);</li>
 * <li>with Idempotency-Key: 400 (malformed), 409 (in progress), 422 (used for another request);</li>
 * <li>with If-Match: 400 (malformed), 412 (stale).</li>
 * </ul>
 */
final class ImpliedAnswers {
    private ImpliedAnswers() {
    }

    static void addTo(OpenAPI model) {
        model.getPaths().values().forEach(path -> path.readOperations().forEach(ImpliedAnswers::addTo));
    }

    private static void addTo(Operation operation) {
        Map<String, String> implied = new TreeMap<>();
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            implied.put("400", DescriptionRefs.BAD_REQUEST);
            implied.put("401", DescriptionRefs.UNAUTHORIZED);
            implied.put("404", DescriptionRefs.NOT_FOUND);
            implied.put("429", DescriptionRefs.TOO_MANY_REQUESTS);
        }
        if (operation.getRequestBody() != null) {
            implied.put("400", DescriptionRefs.BAD_REQUEST);
            implied.put("408", DescriptionRefs.REQUEST_TIMEOUT);
            implied.put("413", DescriptionRefs.CONTENT_TOO_LARGE);
            implied.put("415", DescriptionRefs.UNSUPPORTED_MEDIA_TYPE);
        }
        Set<String> headers = operation.getParameters() == null ? Set.of() : operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn())).map(Parameter::getName).collect(Collectors.toSet());
        if (headers.contains(EntityTags.IDEMPOTENCY_KEY)) {
            implied.put("400", DescriptionRefs.BAD_REQUEST);
            implied.put("409", DescriptionRefs.CONFLICT);
            implied.put("422", DescriptionRefs.UNPROCESSABLE_CONTENT);
        }
        if (headers.contains(EntityTags.IF_MATCH)) {
            implied.put("400", DescriptionRefs.BAD_REQUEST);
            implied.put("412", DescriptionRefs.PRECONDITION_FAILED);
        }
        implied.put("500", DescriptionRefs.INTERNAL_SERVER_ERROR);
        implied.put("503", DescriptionRefs.SERVICE_UNAVAILABLE);

        Map<String, ApiResponse> all = new TreeMap<>(operation.getResponses());
        implied.forEach((status, ref) -> all.putIfAbsent(status, new ApiResponse().$ref(ref)));
        var responses = new ApiResponses();
        all.forEach((status, response) -> {
            if (response.get$ref() == null) {
                if (response.getHeaders() != null) {
                    // swagger-core gives a header it reads from an annotation a style; beside a $ref, OpenAPI allows none.
                    response.getHeaders().values().stream().filter(header -> header.get$ref() != null)
                            .forEach(header -> header.setStyle(null));
                }
                response.addHeaderObject(RequestIds.HEADER, new Header().$ref(DescriptionRefs.REQUEST_ID_HEADER));
            }
            responses.addApiResponse(status, response);
        });
        operation.setResponses(responses);
    }
}
