package neptun.chat.adapters.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchLimits;
import org.junit.jupiter.api.Test;

/** The description as built from the resources and settings, before any server serves it. */
class ApiDescriptionTest {
    private static final DescriptionSettings SETTINGS = new DescriptionSettings("chat-session", new MessageLimits(7, 50),
            new PageLimits(5, 30), new SearchLimits(4, 40, 300), 4096);
    private static final String MESSAGES = "/paths/~1api~1users~1{user_id}~1chats~1{chat_id}~1messages";
    private static final String CHATS = "/paths/~1api~1users~1{user_id}~1chats";
    private static final String SEARCH = "/paths/~1api~1users~1{user_id}~1messages~1search/get";
    private static final String EXPORT = "/paths/~1api~1users~1{user_id}~1chats~1{chat_id}~1export/get";

    private final ApiDescription built = ApiDescription.of(SETTINGS, ApiDocs.RESOURCES);
    private final JsonNode description = read(built.json());

    @Test
    void isOpenApi31() {
        assertThat(description.path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void describesBothFormsOfTheMessagesBodyAndOfItsAnswerAsOneOf() {
        assertThat(refs(description.at(MESSAGES + "/post/requestBody/content/application~1json/schema/oneOf")))
                .containsExactly("#/components/schemas/SingleMessageBody", "#/components/schemas/MessageBatchBody");
        assertThat(refs(description.at(MESSAGES + "/post/responses/200/content/application~1json/schema/oneOf")))
                .containsExactly("#/components/schemas/SingleMessageResponse", "#/components/schemas/MultipleMessagesResponse");
    }

    @Test
    void statesTheLimitsOfTheSettings() {
        JsonNode schemas = description.path("components").path("schemas");
        assertThat(schemas.at("/SingleMessageBody/properties/message/maxLength").asInt()).isEqualTo(50);
        assertThat(schemas.at("/BatchMessage/properties/content/maxLength").asInt()).isEqualTo(50);
        assertThat(schemas.at("/MessageBatchBody/properties/messages/maxItems").asInt()).isEqualTo(7);
        assertThat(schemas.at("/MessageBatchBody/properties/messages/minItems").asInt()).isEqualTo(1);
        assertThat(schemas.at("/ChatInputBody/properties/name/maxLength").asInt()).isEqualTo(255);
        assertThat(texts(schemas.at("/BatchMessage/properties/role/enum"))).containsExactly("user", "assistant", "system");
        assertThat(description.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
        assertThat(description.at("/components/securitySchemes/session/name").asText()).isEqualTo("chat-session");
        JsonNode limit = parameter(MESSAGES + "/get", "limit");
        assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(30);
        assertThat(limit.at("/schema/default").asInt()).isEqualTo(5);
        assertThat(texts(parameter(CHATS + "/get", "order_by").at("/schema/enum"))).contains("updated_at", "created_at:asc");
    }

    @Test
    void givesWritesTheirRetryHeadersAndAnswers() {
        assertThat(parameterNames(MESSAGES + "/post")).contains("Idempotency-Key", "If-Match");
        assertThat(statuses(MESSAGES + "/post")).contains("200", "400", "401", "404", "408", "409", "412", "413", "415", "422", "429",
                "500", "503");
        assertThat(parameterNames(CHATS + "/post")).contains("Idempotency-Key").doesNotContain("If-Match");
        assertThat(statuses(CHATS + "/post")).contains("409", "422").doesNotContain("412");
        assertThat(parameterNames(CHATS + "/get")).doesNotContain("Idempotency-Key", "If-Match");
        assertThat(statuses(CHATS + "/get")).doesNotContain("408", "409", "412", "413", "415", "422");
        assertThat(description.at(MESSAGES + "/get/responses/200/headers").has("Link")).isTrue();
        assertThat(description.at(MESSAGES + "/get/responses/200/headers").has("ETag")).isTrue();
        assertThat(description.at("/components/responses/TooManyRequests/headers").has("Retry-After")).isTrue();
    }

    @Test
    void describesTheSearchWithItsOwnLimits() {
        assertThat(description.at(SEARCH + "/operationId").asText()).isEqualTo("searchMessages");
        assertThat(parameterNames(SEARCH)).containsExactlyInAnyOrder("user_id", "q", "chat_id", "actor", "since", "until", "after",
                "limit");
        JsonNode q = parameter(SEARCH, "q");
        assertThat(q.path("required").asBoolean()).isTrue();
        assertThat(q.at("/schema/maxLength").asInt()).isEqualTo(300);
        assertThat(q.at("/schema/minLength").asInt()).isEqualTo(1);
        assertThat(parameter(SEARCH, "limit").at("/schema/maximum").asInt()).isEqualTo(40);
        assertThat(parameter(SEARCH, "limit").at("/schema/default").asInt()).isEqualTo(4);
        assertThat(texts(parameter(SEARCH, "actor").at("/schema/enum"))).containsExactly("user", "assistant", "system");
        assertThat(parameter(SEARCH, "since").at("/schema/format").asText()).isEqualTo("date-time");
        assertThat(parameter(SEARCH, "until").at("/schema/format").asText()).isEqualTo("date-time");
        assertThat(parameter(SEARCH, "after").at("/schema/type").asText()).isEqualTo("string");
        assertThat(parameter(SEARCH, "chat_id").at("/schema/type").asText()).isEqualTo("integer");
        assertThat(description.at(SEARCH + "/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/SearchResultsResponse");
        assertThat(description.at(SEARCH + "/responses/200/headers").has("Link")).isTrue();
        assertThat(statuses(SEARCH)).contains("200", "400", "401", "404", "429", "500", "503").doesNotContain("408", "413", "415");
        assertThat(description.at("/components/schemas/SearchResult/properties/message/$ref").asText())
                .isEqualTo("#/components/schemas/ChatMessageResponse");
    }

    @Test
    void describesTheExportAsTheDownloadsItStreams() {
        assertThat(description.at(EXPORT + "/operationId").asText()).isEqualTo("exportChat");
        assertThat(texts(parameter(EXPORT, "format").at("/schema/enum"))).containsExactly("jsonl", "markdown");
        assertThat(parameter(EXPORT, "format").at("/schema/default").asText()).isEqualTo("jsonl");
        JsonNode ok = description.at(EXPORT + "/responses/200");
        assertThat(names(ok.path("content"))).containsExactly("application/x-ndjson", "text/markdown");
        assertThat(ok.at("/content/application~1x-ndjson/schema/$ref").asText()).isEqualTo("#/components/schemas/ExportLine");
        assertThat(ok.at("/headers/Content-Disposition/required").asBoolean()).isTrue();
        assertThat(ok.at("/headers/Content-Disposition/schema/type").asText()).isEqualTo("string");
        assertThat(ok.at("/content/text~1markdown/schema/type").asText()).isEqualTo("string");
        assertThat(texts(description.at("/components/schemas/ExportLine/properties/role/enum"))).containsExactly("user", "assistant",
                "system");
        assertThat(statuses(EXPORT)).contains("200", "400", "401", "404", "429", "500", "503");
    }

    @Test
    void givesEveryAnswerTheRequestId() {
        description.path("components").path("responses").forEach(answer -> assertThat(answer.path("headers").has("X-Request-Id")).isTrue());
        description.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").forEach(answer -> {
            if (!answer.has("$ref")) {
                assertThat(answer.path("headers").has("X-Request-Id")).as(answer.toString()).isTrue();
            }
        })));
    }

    @Test
    void describesItselfAsPublic() {
        JsonNode describe = description.at("/paths/~1openapi.json/get");
        assertThat(describe.has("security")).isFalse();
        assertThat(statuses("/paths/~1openapi.json/get")).doesNotContain("401");
        assertThat(description.at(MESSAGES + "/get/security/0").has("session")).isTrue();
    }

    @Test
    void showsNeitherTheSessionUserNorTheRawBodyAsParameters() {
        assertThat(parameterNames(MESSAGES + "/post")).doesNotContain("user", "body", "context")
                .contains("user_id", "chat_id");
    }

    @Test
    void isTheSameInYaml() throws Exception {
        assertThat(new YAMLMapper().readTree(built.yaml())).isEqualTo(description);
    }

    private JsonNode parameter(String operation, String name) {
        for (JsonNode parameter : description.at(operation + "/parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private List<String> parameterNames(String operation) {
        List<String> names = new ArrayList<>();
        description.at(operation + "/parameters").forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }

    private List<String> statuses(String operation) {
        List<String> statuses = new ArrayList<>();
        description.at(operation + "/responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> refs(JsonNode schemas) {
        List<String> refs = new ArrayList<>();
        schemas.forEach(schema -> refs.add(schema.path("$ref").asText()));
        return refs;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
