package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API description the running application serves: valid OpenAPI 3.1, the same in JSON and YAML, public,
 * complete (every route Jersey serves is described, and nothing else), equal to the committed
 * {@code openapi.json} that clients are generated from, stating the limits of the running configuration, and
 * absent when turned off.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDescriptionIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB);

    /** The committed description, at the project's root; the build generates the test client from it. */
    static final Path COMMITTED = Path.of("..", "openapi.json");
    /** Where this test leaves the served description, to be copied over {@link #COMMITTED} when it changed on purpose. */
    static final Path SERVED_COPY = Path.of("target", "openapi.json");

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void isValidOpenApi31ServedWithoutASession() {
        var reply = new Http(APP.getLocalPort()).get("/openapi.json", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");

        var options = new ParseOptions();
        options.setResolve(true);
        var parsed = new OpenAPIV3Parser().readContents(reply.body(), null, options);

        assertThat(parsed.getMessages()).as("what the parser's validation found").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("session");
    }

    @Test
    void isTheSameInYaml() throws IOException {
        var http = new Http(APP.getLocalPort());
        var yaml = http.get("/openapi.yaml", null);

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(http.get("/openapi.json", null).json());
    }

    @Test
    void describesEveryRouteJerseyServesAndNoOther() {
        assertThat(describedRoutes(ApiContract.servedAt("http://127.0.0.1:" + APP.getLocalPort()).description()))
                .isEqualTo(jerseyRoutes(APP.getEnvironment()))
                .contains("POST /api/users/{user_id}/chats/{chat_id}/messages", "DELETE /api/users/{user_id}/chats/{chat_id}/messages/last",
                        "GET /api/users/{user_id}/messages/search", "GET /api/users/{user_id}/chats/{chat_id}/export", "GET /openapi.json");
    }

    @Test
    void isTheCommittedDescription() throws IOException {
        String served = new Http(APP.getLocalPort()).get("/openapi.json", null).body();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served);

        assertThat(Http.JSON.readTree(Files.readString(COMMITTED)))
                .as("openapi.json at the project's root, from which clients are generated, must be what the service serves"
                        + " with its default settings; if the change is meant, copy bootstrap/" + SERVED_COPY + " over it")
                .isEqualTo(Http.JSON.readTree(served));
    }

    @Test
    void statesTheDefaultLimits() {
        JsonNode description = new Http(APP.getLocalPort()).get("/openapi.json", null).json();
        JsonNode schemas = description.path("components").path("schemas");

        assertThat(schemas.at("/SingleMessageBody/properties/message/maxLength").asInt()).isEqualTo(100_000);
        assertThat(schemas.at("/MessageBatchBody/properties/messages/maxItems").asInt()).isEqualTo(1_000);
        assertThat(description.at("/components/securitySchemes/session/name").asText()).isEqualTo("neptun-session");
        JsonNode q = parameter(description, "/api/users/{user_id}/messages/search", "get", "q");
        assertThat(q.at("/schema/maxLength").asInt()).isEqualTo(1_000);
        assertThat(parameter(description, "/api/users/{user_id}/messages/search", "get", "limit").at("/schema/maximum").asInt())
                .isEqualTo(100);
    }

    @Test
    void servesThePageAndItsScriptsItselfWithoutASession() throws Exception {
        var client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + APP.getLocalPort();
        var page = client.send(HttpRequest.newBuilder(URI.create(base + "/docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        var script = client.send(HttpRequest.newBuilder(URI.create(base + "/docs/assets/swagger-ui-bundle.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/docs/assets/swagger-ui-bundle.js", "/openapi.json").doesNotContain("https://");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    @Test
    void contractRefusesAnswersTheDescriptionDoesNotHave() {
        var contract = ApiContract.servedAt("http://127.0.0.1:" + APP.getLocalPort());
        URI messages = URI.create("http://127.0.0.1/api/users/ada/chats/1/messages");
        var ok = headers(Map.of("Content-Type", "application/json", "X-Request-Id", "r1", "ETag", "\"0\""));
        contract.check("GET", messages, 200, ok, "{\"chatMessages\": []}");

        assertThatThrownBy(() -> contract.check("GET", messages, 200, ok, "{\"chatMessages\": [{\"id\": \"one\"}]}"))
                .as("a body its schema refuses").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", messages, 200, ok, "{\"chatMessages\": [], \"more\": true}"))
                .as("a field it does not have").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", messages, 418, ok, "{\"statusCode\": 418, \"statusMessage\": \"x\"}"))
                .as("a status it does not have").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", messages, 200,
                headers(Map.of("Content-Type", "application/json", "X-Request-Id", "r1", "Retry-After", "1")), "{\"chatMessages\": []}"))
                .as("a header that answer does not declare").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", messages, 200, headers(Map.of("Content-Type", "application/json")),
                "{\"chatMessages\": []}")).as("without the header it always has").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", messages, 400, ok, "{\"statusCode\": 400, \"data\": {\"issues\": [{}]}}"))
                .as("an error that is no envelope").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("PUT", messages, 200, ok, "{}"))
                .as("a success of an operation it does not have").isInstanceOf(AssertionError.class);
    }

    @Test
    void contractChecksTheExportsBodiesByTheirMediaType() {
        var contract = ApiContract.servedAt("http://127.0.0.1:" + APP.getLocalPort());
        URI export = URI.create("http://127.0.0.1/api/users/ada/chats/1/export");
        var jsonl = headers(Map.of("Content-Type", "application/x-ndjson; charset=utf-8", "X-Request-Id", "r1",
                "Content-Disposition", "attachment; filename=\"chat-1.jsonl\""));
        var markdown = headers(Map.of("Content-Type", "text/markdown; charset=utf-8", "X-Request-Id", "r1",
                "Content-Disposition", "attachment; filename=\"chat-1.md\""));
        String line = "{\"role\":\"user\",\"content\":\"Hi\",\"id\":1,\"created_at\":\"2026-11-25T14:00:00.120000Z\"}\n";
        contract.check("GET", export, 200, jsonl, line + line);
        contract.check("GET", export, 200, jsonl, "");
        contract.check("GET", export, 200, markdown, "# Chat\n\n## user · 2026-11-25T14:00:00.120000Z\n\nHi\n");

        assertThatThrownBy(() -> contract.check("GET", export, 200, jsonl, line + "{\"role\":\"user\"}\n"))
                .as("a line its schema refuses").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", export, 200, jsonl, line + "not json\n"))
                .as("a line that is not JSON").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", export, 200, jsonl, line.strip()))
                .as("a last line without its end").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", export, 200,
                headers(Map.of("Content-Type", "text/csv", "X-Request-Id", "r1", "Content-Disposition", "attachment")), "a,b\n"))
                .as("a media type it does not have").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", export, 200,
                headers(Map.of("Content-Type", "text/markdown", "X-Request-Id", "r1")), "# Chat\n"))
                .as("without Content-Disposition").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", URI.create("http://127.0.0.1/api/users/ada/chats/1/messages"), 200,
                headers(Map.of("Content-Type", "application/json", "X-Request-Id", "r1", "ETag", "\"0\"",
                        "Content-Disposition", "attachment")), "{\"chatMessages\": []}"))
                .as("Content-Disposition where that answer does not declare it").isInstanceOf(AssertionError.class);
    }

    private static java.net.http.HttpHeaders headers(Map<String, String> values) {
        Map<String, java.util.List<String>> all = new java.util.HashMap<>();
        values.forEach((name, value) -> all.put(name, java.util.List.of(value)));
        return java.net.http.HttpHeaders.of(all, (name, value) -> true);
    }

    /** A configuration of its own: the description states its limits and its cookie, not the defaults. */
    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WithOtherLimits {
        static final DropwizardAppExtension<ChatConfiguration> OTHER = TestApp.on(DB,
                ConfigOverride.config("messages.maxPerRequest", "7"),
                ConfigOverride.config("messages.maxLength", "50"),
                ConfigOverride.config("messages.maxBodySize", "4KiB"),
                ConfigOverride.config("pages.defaultLimit", "5"),
                ConfigOverride.config("pages.maxLimit", "30"),
                ConfigOverride.config("search.defaultLimit", "4"),
                ConfigOverride.config("search.maxLimit", "40"),
                ConfigOverride.config("search.maxQueryLength", "300"),
                ConfigOverride.config("sessions.cookieName", "chat-session"));

        @Test
        void statesTheConfiguredLimitsAndCookie() {
            JsonNode description = new Http(OTHER.getLocalPort()).get("/openapi.json", null).json();
            JsonNode schemas = description.path("components").path("schemas");

            assertThat(schemas.at("/SingleMessageBody/properties/message/maxLength").asInt()).isEqualTo(50);
            assertThat(schemas.at("/BatchMessage/properties/content/maxLength").asInt()).isEqualTo(50);
            assertThat(schemas.at("/MessageBatchBody/properties/messages/maxItems").asInt()).isEqualTo(7);
            assertThat(description.at("/components/securitySchemes/session/name").asText()).isEqualTo("chat-session");
            assertThat(description.at("/components/responses/ContentTooLarge/description").asText()).contains("4096 bytes");
            JsonNode limit = parameter(description, "/api/users/{user_id}/chats/{chat_id}/messages", "get", "limit");
            assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(30);
            assertThat(limit.at("/schema/default").asInt()).isEqualTo(5);
            String search = "/api/users/{user_id}/messages/search";
            assertThat(parameter(description, search, "get", "limit").at("/schema/maximum").asInt()).isEqualTo(40);
            assertThat(parameter(description, search, "get", "limit").at("/schema/default").asInt()).isEqualTo(4);
            assertThat(parameter(description, search, "get", "q").at("/schema/maxLength").asInt()).isEqualTo(300);
        }
    }

    /** Turned off, neither the description nor its page is served. */
    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class TurnedOff {
        static final DropwizardAppExtension<ChatConfiguration> OFF = TestApp.on(DB, ConfigOverride.config("apiDocs.enabled", "false"));

        @Test
        void servesNeitherTheDescriptionNorThePage() throws Exception {
            var client = HttpClient.newHttpClient();
            for (String path : new String[] {"/openapi.json", "/openapi.yaml", "/docs", "/docs/assets/swagger-ui.css"}) {
                var reply = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + OFF.getLocalPort() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reply.statusCode()).as(path).isEqualTo(404);
                assertThat(Http.JSON.readTree(reply.body()).path("statusCode").asInt()).as(path).isEqualTo(404);
            }
        }
    }

    static JsonNode parameter(JsonNode description, String path, String method, String name) {
        for (JsonNode parameter : description.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " of " + method + " " + path);
    }

    /** "METHOD /path" of every operation of the description. */
    static Set<String> describedRoutes(JsonNode description) {
        Set<String> routes = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return routes;
    }

    /** "METHOD /path" of every resource method in Jersey's own model of the running application (not its generated OPTIONS). */
    static Set<String> jerseyRoutes(Environment environment) {
        var container = (ServletContainer) environment.getJerseyServletContainer();
        var model = container.getApplicationHandler().getInjectionManager().getInstance(ExtendedResourceContext.class).getResourceModel();
        Set<String> routes = new TreeSet<>();
        model.getRootResources().forEach(resource -> collect(resource, "", routes));
        return routes;
    }

    private static void collect(Resource resource, String parent, Set<String> routes) {
        String path = ("/" + parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(?<=.)/$", "");
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended()) {
                routes.add(method.getHttpMethod() + " " + path);
            }
        }
        resource.getChildResources().forEach(child -> collect(child, path, routes));
    }
}
