package neptun.chat.adapters.rest.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.ErrorDetails;
import neptun.chat.adapters.rest.error.ErrorEnvelope;

/**
 * The API's OpenAPI 3.1 description. swagger-core reads the resources' and DTOs' annotations (routes,
 * parameters, bodies, the 200 answers and their headers); then the description is completed from what the
 * code does around every route ({@link ImpliedAnswers}: the error answers of authentication, the rate limit,
 * bodies, idempotency keys and conditions) and from the running configuration ({@link ConfiguredLimits}: the
 * cookie's name, maximum lengths and counts, page sizes). Built once at start.
 */
public final class ApiDescription {
    /** The version of the API's contract (not of the build). */
    static final String API_VERSION = "1";
    static final String OPENAPI_VERSION = "3.1.0";
    private static final String DETAILS = "#/components/schemas/ErrorDetails";

    private final OpenAPI model;
    private final String json;
    private final String yaml;

    private ApiDescription(OpenAPI model) {
        this.model = model;
        this.json = Json31.pretty(model);
        this.yaml = Yaml31.pretty(model);
    }

    /** The description of {@code resources} under {@code settings}. */
    public static ApiDescription of(DescriptionSettings settings, Set<Class<?>> resources) {
        Objects.requireNonNull(settings, "settings");
        var base = new OpenAPI(SpecVersion.V31).openapi(OPENAPI_VERSION)
                .info(new Info().title("neptun-chat").version(API_VERSION).description(INTRODUCTION))
                .components(new Components().addSecuritySchemes(DescriptionRefs.SESSION, sessionCookie(settings.cookieName())));
        OpenAPI model = new Reader(new SwaggerConfiguration().openAPI(base).openAPI31(true).openAPIVersion(OPENAPI_VERSION))
                .read(resources);
        model.openapi(OPENAPI_VERSION).specVersion(SpecVersion.V31);
        Components components = model.getComponents();
        for (Class<?> errorType : List.of(ErrorEnvelope.class, ErrorDetails.class)) {
            ModelConverters.getInstance(true).readAll(new AnnotatedType(errorType)).forEach(components::addSchemas);
        }
        // The envelope's data is a map in the code; its schema is ErrorDetails alone, without the map's own keywords.
        components.getSchemas().get("ErrorEnvelope").getProperties().put("data", new Schema<>().$ref(DETAILS));
        SharedAnswers.addTo(components, settings);
        ImpliedAnswers.addTo(model);
        ConfiguredLimits.applyTo(model, settings);
        return new ApiDescription(model);
    }

    /** The description as swagger-core's model (a copy would be safer; tests read it only). */
    OpenAPI model() {
        return model;
    }

    public String json() {
        return json;
    }

    public String yaml() {
        return yaml;
    }

    private static SecurityScheme sessionCookie(String cookieName) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(cookieName)
                .description("The session: a token from issue-session, or the neptun web UI's sealed cookie when the service has"
                        + " its password. Every route of /api acts only on the session user's own chats.");
    }

    private static final String INTRODUCTION = """
            Stores the chats of LLM conversations and their messages. Every route under /api takes the session cookie \
            and acts only on that user's chats; bodies are JSON. Every error is answered with one envelope, \
            {statusCode, statusMessage, message?, data?}; a 400 lists each problem in data.issues with its path. \
            Writes take an optional Idempotency-Key and are then safe to retry; appends and removals take If-Match \
            with the chat's ETag. Every answer carries X-Request-Id.""";
}
