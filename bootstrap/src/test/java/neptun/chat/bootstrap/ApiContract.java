package neptun.chat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API description a running server serves, and the check of a real answer against it, so that the
 * description cannot lie about what the routes answer. {@link Http} checks every answer of the API port with it.
 * <ul>
 * <li>The operation of the request's method and path must describe the answer's status.</li>
 * <li>The body must be of a media type that answer describes, and match that media type's schema as the type says:
 *     a JSON body ({@code application/json}, {@code +json}) as a whole, a JSON Lines body ({@code application/x-ndjson})
 *     line by line, any other (Markdown, YAML) as one string.</li>
 * <li>Each of the API's own answer headers that came ({@link #API_HEADERS}) must be one the answer declares, and
 *     every header it declares as required must have come.</li>
 * <li>An answer to a method and path the description has no operation for (404, 405) must be an error envelope.</li>
 * </ul>
 */
final class ApiContract {
    static final String DESCRIPTION_PATH = "/openapi.json";
    static final List<String> API_HEADERS = List.of("ETag", "Link", "Retry-After", "X-Request-Id", "Idempotent-Replayed",
            "Content-Disposition");
    static final String JSON_LINES = "application/x-ndjson";
    private static final String IRI = "https://neptun-chat.invalid/openapi.json";
    private static final String ANSWERS = "#/components/schemas/";
    private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonNode description;
    private final List<Route> routes = new ArrayList<>();
    /** The name under which the local copy keeps the schema of each answer's media type ({@link #key}). */
    private final Map<String, String> answerNames = new LinkedHashMap<>();
    private final SchemaRegistry registry;

    /** One operation: its method, its path as a pattern, and its answers by status. */
    private record Route(String method, String template, Pattern path, JsonNode operation) {
    }

    private ApiContract(JsonNode served) {
        this.description = served;
        ObjectNode local = served.deepCopy();
        ObjectNode localSchemas = (ObjectNode) local.path("components").path("schemas");
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = served.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                var operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern(path.getKey()), operation.getValue()));
            }
        }
        // Each answer's schema is copied to a place a JSON pointer reaches without escapes, in a local copy only.
        for (Route route : routes) {
            for (Iterator<Map.Entry<String, JsonNode>> answers = route.operation().path("responses").fields(); answers.hasNext(); ) {
                var answer = answers.next();
                for (Iterator<Map.Entry<String, JsonNode>> types = resolve(answer.getValue()).path("content").fields(); types.hasNext(); ) {
                    var type = types.next();
                    JsonNode schema = type.getValue().path("schema");
                    if (!schema.isMissingNode()) {
                        String name = "answer-" + n++;
                        localSchemas.set(name, schema);
                        answerNames.put(key(route, answer.getKey(), type.getKey()), name);
                    }
                }
            }
        }
        String text = local.toString();
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(IRI, text)));
    }

    /**
     * The description served at {@code base} now. Not cached across calls: a later server may get the same port with
     * other settings.
     */
    static ApiContract servedAt(String base) {
        return fetch(base);
    }

    /** The same, or empty while nothing listens at {@code base} yet. */
    static Optional<ApiContract> servedAtIfUp(String base) {
        try {
            return Optional.of(servedAt(base));
        } catch (UncheckedIOException notListening) {
            if (notListening.getCause() instanceof java.net.ConnectException) {
                return Optional.empty();
            }
            throw notListening;
        }
    }

    private static ApiContract fetch(String base) {
        try {
            var reply = CLIENT.send(HttpRequest.newBuilder(URI.create(base + DESCRIPTION_PATH)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new AssertionError("the server at " + base + " serves no API description (" + reply.statusCode()
                        + " for " + DESCRIPTION_PATH + "): answers cannot be checked against it");
            }
            return new ApiContract(Http.JSON.readTree(reply.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode description() {
        return description;
    }

    /** Fails with an {@link AssertionError} saying what the description does not match in this answer. */
    void check(String method, URI uri, int status, HttpHeaders headers, String body) {
        String what = method + " " + uri.getRawPath() + " answered " + status;
        Optional<Route> route = routes.stream().filter(r -> r.method().equals(method) && r.path().matcher(uri.getRawPath()).matches())
                .findFirst();
        if (route.isEmpty()) {
            if (status < 400) {
                throw new AssertionError(what + ", but the description has no such operation");
            }
            validate(what, ANSWERS + "ErrorEnvelope", json(what, body));
            return;
        }
        JsonNode responses = route.get().operation().path("responses");
        JsonNode answer = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status)) : responses.path("default");
        if (answer.isMissingNode()) {
            throw new AssertionError(what + ", a status the description of " + method + " " + route.get().template()
                    + " does not have (it has " + names(responses) + ")");
        }
        answer = resolve(answer);
        checkHeaders(what, answer.path("headers"), headers);
        JsonNode content = answer.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                throw new AssertionError(what + " with a body, where the description has none: " + excerpt(body));
            }
            return;
        }
        String mediaType = headers.firstValue("Content-Type").map(type -> type.split(";")[0].strip()).orElse("");
        if (!content.has(mediaType)) {
            throw new AssertionError(what + " as \"" + mediaType + "\", which the description does not have (it has "
                    + names(content) + ")");
        }
        String name = answerNames.get(key(route.get(), responses.has(Integer.toString(status)) ? Integer.toString(status) : "default",
                mediaType));
        if (name == null) {
            throw new AssertionError(what + " as \"" + mediaType + "\", for which the description gives no schema");
        }
        checkBody(what + " as " + mediaType, mediaType, ANSWERS + name, body);
    }

    /** The body against its media type's schema, read as that type says. */
    private void checkBody(String what, String mediaType, String location, String body) {
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            validate(what, location, json(what, body));
        } else if (mediaType.equals(JSON_LINES)) {
            if (!body.isEmpty() && !body.endsWith("\n")) {
                throw new AssertionError(what + " whose last line is not ended: " + excerpt(body));
            }
            String[] lines = body.isEmpty() ? new String[0] : body.split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                validate(what + ", line " + (i + 1), location, json(what + ", line " + (i + 1), lines[i]));
            }
        } else {
            validate(what, location, TextNode.valueOf(body));
        }
    }

    /**
     * Checks an answer as it came on the wire (status line, headers, body; a chunked body is joined), to a request
     * sent without {@link Http}.
     */
    void checkRaw(String method, String path, String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("not a whole HTTP answer: " + excerpt(raw));
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        var httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
        String body = raw.substring(end + 4);
        if (httpHeaders.firstValue("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
            body = unchunked(body);
        }
        check(method, URI.create("http://127.0.0.1" + path), status, httpHeaders, body);
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private void checkHeaders(String what, JsonNode declared, HttpHeaders actual) {
        for (String header : API_HEADERS) {
            if (actual.firstValue(header).isPresent() && !hasField(declared, header)) {
                throw new AssertionError(what + " with " + header + ", which the description of that answer does not declare"
                        + " (it declares " + names(declared) + ")");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> headers = declared.fields(); headers.hasNext(); ) {
            var header = headers.next();
            if (resolve(header.getValue()).path("required").asBoolean(false) && actual.firstValue(header.getKey()).isEmpty()) {
                throw new AssertionError(what + " without " + header.getKey() + ", which the description says it always has");
            }
        }
    }

    private static JsonNode json(String what, String body) {
        try {
            JsonNode json = Http.JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new AssertionError(what + " with an empty body where JSON belongs");
            }
            return json;
        } catch (IOException e) {
            throw new AssertionError(what + " with a body that is not JSON: " + excerpt(body), e);
        }
    }

    private void validate(String what, String location, JsonNode body) {
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + location));
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " with a body the description's schema refuses: " + errors + "\nbody: "
                    + excerpt(body.isTextual() ? body.asText() : body.toString()));
        }
    }

    /** The object a {@code $ref} names in the description, or {@code node} itself. */
    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (!ref.isTextual()) {
            return node;
        }
        if (!ref.asText().startsWith("#/")) {
            throw new AssertionError("the description refers outside itself: " + ref.asText());
        }
        return resolve(description.at(ref.asText().substring(1)));
    }

    private static boolean hasField(JsonNode object, String name) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String key(Route route, String status, String mediaType) {
        return route.method() + " " + route.template() + " " + status + " " + mediaType;
    }

    private static List<String> names(JsonNode object) {
        return Http.fieldNames(object);
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String excerpt(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }
}
