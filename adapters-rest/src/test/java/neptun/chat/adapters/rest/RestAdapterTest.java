package neptun.chat.adapters.rest;

import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.adapters.rest.RestTestSupport.jsonFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adapter inside a real Dropwizard server, as bootstrap registers it, spoken to over HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RestAdapterTest {
    private static final RestSettings SETTINGS = new RestSettings("sid", Duration.ZERO, 0, 1024);
    private static final Instant CREATED_AT = Instant.parse("2024-03-20T10:00:00Z");

    /** Stores nothing: answers each message back with an id, as a store would. */
    private static final CreateMessages ECHO = RestTestSupport.creatingMessages(command -> IntStream.range(0, command.messages().size())
            .mapToObj(i -> new ChatMessage(new MessageId(i + 1L), command.chatId(), command.owner(),
                    new MessageContent(command.messages().get(i).content()),
                    Actor.fromName(command.messages().get(i).role()).orElseThrow(), CREATED_AT))
            .toList());

    public static class TestApplication extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            RestAdapter.register(environment, SETTINGS, RestTestSupport.onlyCreatingMessages(ECHO));
        }
    }

    private static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(TestApplication.class, ResourceHelpers.resourceFilePath("rest-adapter-test.yml"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void createsMessagesAndWritesTimesAsIsoStrings() throws Exception {
        var response = send(post("/api/users/ada/chats/123/messages", "{\"message\": \"Hi\", \"actor\": \"user\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response.body())).isEqualTo(json("{\"chatMessage\": {\"id\": 1, \"chat_conversation_id\": 123,"
                + " \"neptun_user_id\": \"ada\", \"message\": \"Hi\", \"actor\": \"user\", \"created_at\": \"2024-03-20T10:00:00.000000Z\"}}"));
    }

    @Test
    void readsTheConfiguredCookie() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/users/ada/chats/123/messages"))
                .header("Content-Type", "application/json")
                .header("Cookie", RestSettings.DEFAULTS.cookieName() + "=" + RestTestSupport.SESSION)
                .POST(BodyPublishers.ofString("{\"message\": \"Hi\", \"actor\": \"user\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).isEqualTo(jsonFixture("error-401.json"));
    }

    @Test
    void answersUnknownRoutesInTheEnvelope() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/no/such/thing")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response.body())).isEqualTo(jsonFixture("error-404-route.json"));
    }

    @Test
    void answersAWrongMethodInTheEnvelope() throws Exception {
        var response = send(withSession("/api/users/ada/chats/123/messages").DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response.body())).isEqualTo(jsonFixture("error-405.json"));
    }

    @Test
    void answersABodyWithoutContentTypeInTheEnvelope() throws Exception {
        var response = send(withSession("/api/users/ada/chats/123/messages").POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response.body())).isEqualTo(jsonFixture("error-415.json"));
    }

    @Test
    void answersMalformedJsonInTheEnvelope() throws Exception {
        var response = send(post("/api/users/ada/chats/123/messages", "{\"message\": "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/data/issues/0/code").textValue()).isEqualTo("custom");
    }

    @Test
    void refusesABodyDeclaredTooLarge() throws Exception {
        var response = send(post("/api/users/ada/chats/123/messages", largeBody()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response.body())).isEqualTo(json("{\"statusCode\": 413, \"statusMessage\": \"Request Entity Too Large\","
                + " \"message\": \"The body must not be larger than 1024 bytes.\"}"));
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
        byte[] large = largeBody().getBytes(StandardCharsets.UTF_8);
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large));

        var response = send(withSession("/api/users/ada/chats/123/messages").header("Content-Type", "application/json").POST(chunked));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response.body()).get("statusCode").intValue()).isEqualTo(413);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        byte[] body = "{\"messages\": [{\"content\": \"Hi\", \"role\": \"system\"}]}".getBytes(StandardCharsets.UTF_8);
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

        var response = send(withSession("/api/users/ada/chats/123/messages").header("Content-Type", "application/json").POST(chunked));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode created = json(response.body()).at("/chatMessages/0");
        assertThat(created.get("actor").textValue()).isEqualTo("system");
    }

    @Test
    void answersRequestsJettyRefusesInTheEnvelope() throws Exception {
        var response = send(post("/api/users/a%2Fb/chats/1/messages", "{\"message\": \"Hi\", \"actor\": \"user\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response.body())).isEqualTo(json("{\"statusCode\": 400, \"statusMessage\": \"Bad Request\"}"));
    }

    @Test
    void answersOversizedHeadersInTheEnvelope() throws Exception {
        var response = send(withSession("/api/users/ada/chats/123/messages").header("X-Padding", "y".repeat(10_000)).GET());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(json(response.body())).isEqualTo(json("{\"statusCode\": 431, \"statusMessage\": \"Request Header Fields Too Large\"}"));
    }

    private static String largeBody() {
        return "{\"message\": \"" + "x".repeat(2000) + "\", \"actor\": \"user\"}";
    }

    private HttpRequest.Builder post(String path, String body) {
        return withSession(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder withSession(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Cookie", "sid=" + RestTestSupport.SESSION);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }
}
