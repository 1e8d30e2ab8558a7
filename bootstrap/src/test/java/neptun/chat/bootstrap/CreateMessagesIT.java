package neptun.chat.bootstrap;

import static neptun.chat.bootstrap.Http.messagesPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.domain.Session;
import neptun.chat.domain.SessionToken;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import neptun.chat.bootstrap.wiring.ChatConfiguration;

/** The messages endpoint over HTTP, against the running application on a fresh PostgreSQL database. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CreateMessagesIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB,
            ConfigOverride.config("sessions.cacheTtl", "0s"),
            ConfigOverride.config("messages.maxPerRequest", "50"),
            ConfigOverride.config("messages.maxLength", "20000"),
            ConfigOverride.config("messages.maxBodySize", MAX_BODY_BYTES + "B"));

    private static final UserId ADA = new UserId("ada");
    private static final UserId BOB = new UserId("bob");
    private static Jdbi jdbi;
    private static UseCases core;
    private static String adaCookie;
    private static String bobCookie;
    private static long adaChat;
    private static long bobChat;
    private Http http;

    @BeforeAll
    static void provision() {
        jdbi = TestApp.jdbi(DB);
        core = TestApp.core(jdbi);
        core.registerUser().register(ADA);
        core.registerUser().register(BOB);
        adaCookie = core.issueSession().issue(ADA, Duration.ofDays(1)).token().value();
        bobCookie = core.issueSession().issue(BOB, Duration.ofDays(1)).token().value();
        adaChat = core.createChat().create(CreateChatCommand.of(ADA, "Ada's chat")).id().value();
        bobChat = core.createChat().create(CreateChatCommand.of(BOB, "Bob's chat")).id().value();
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    private static long storedMessages() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from messages").mapTo(Long.class).one());
    }

    private Http.Reply postAsAda(String body) {
        return http.post(messagesPath("ada", adaChat), adaCookie, body);
    }

    @Nested
    class Creating {
        @Test
        void createsOneMessageAndAnswersWithAnObject() {
            var before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var reply = postAsAda("{\"message\": \"Hello, how can I help?\", \"actor\": \"assistant\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            JsonNode message = reply.json().get("chatMessage");
            assertThat(reply.json().size()).isEqualTo(1);
            assertThat(message.get("id").isIntegralNumber()).isTrue();
            assertThat(message.get("chat_conversation_id").asLong()).isEqualTo(adaChat);
            assertThat(message.get("neptun_user_id").asText()).isEqualTo("ada");
            assertThat(message.get("message").asText()).isEqualTo("Hello, how can I help?");
            assertThat(message.get("actor").asText()).isEqualTo("assistant");
            assertThat(message.get("created_at").asText()).endsWith("Z");
            assertThat(Instant.parse(message.get("created_at").asText())).isBetween(before, Instant.now());
            assertThat(Http.fieldNames(message)).containsExactlyInAnyOrder(
                    "id", "chat_conversation_id", "neptun_user_id", "message", "actor", "created_at");
        }

        @Test
        void createsABatchInArrayOrderWithIncreasingIds() {
            var reply = postAsAda("""
                    {"messages": [
                      {"content": "What is Python?", "role": "user"},
                      {"content": "Python is a programming language...", "role": "assistant"},
                      {"content": "Be brief.", "role": "system"}
                    ]}""");

            assertThat(reply.status()).isEqualTo(200);
            var messages = reply.json().get("chatMessages");
            assertThat(messages).hasSize(3);
            assertThat(texts(messages, "message")).containsExactly("What is Python?", "Python is a programming language...", "Be brief.");
            assertThat(texts(messages, "actor")).containsExactly("user", "assistant", "system");
            assertThat(messages.get(0).get("id").asLong()).isLessThan(messages.get(1).get("id").asLong());
            assertThat(messages.get(1).get("id").asLong()).isLessThan(messages.get(2).get("id").asLong());
            assertThat(Instant.parse(messages.get(0).get("created_at").asText()))
                    .isBeforeOrEqualTo(Instant.parse(messages.get(2).get("created_at").asText()));
            assertThat(storedContentsOf(messages)).containsExactly("What is Python?", "Python is a programming language...", "Be brief.");
        }

        @Test
        void storesContentExactlyAsSent() {
            String content = "  leading and trailing  \n\t😀 日本語 שלום e\u0301 \u200b\\ \" </script>";
            var reply = postAsAda("{\"message\": " + json(content) + ", \"actor\": \"user\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("chatMessage").get("message").asText()).isEqualTo(content);
            assertThat(storedContentsOf(List.of(reply.json().get("chatMessage")))).containsExactly(content);
        }

        @Test
        void ignoresUnknownFields() {
            var reply = postAsAda("{\"message\": \"hi\", \"actor\": \"user\", \"extra\": {\"x\": [1, 2]}}");
            assertThat(reply.status()).isEqualTo(200);
        }

        @Test
        void keepsEachConcurrentBatchInOrder() throws Exception {
            var before = storedMessages();
            List<Callable<Http.Reply>> posts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                posts.add(() -> postAsAda("{\"messages\": [" + "{\"content\": \"c" + n + "-1\", \"role\": \"user\"},"
                        + "{\"content\": \"c" + n + "-2\", \"role\": \"assistant\"}]}"));
            }
            try (var pool = new AutoClosingPool(8)) {
                for (var future : pool.executor.invokeAll(posts)) {
                    var reply = future.get();
                    assertThat(reply.status()).isEqualTo(200);
                    var messages = reply.json().get("chatMessages");
                    assertThat(messages.get(0).get("id").asLong()).isLessThan(messages.get(1).get("id").asLong());
                    assertThat(messages.get(0).get("message").asText()).endsWith("-1");
                }
            }
            assertThat(storedMessages()).isEqualTo(before + 32);
        }

        @Test
        void answersTheSpecsCurlExampleUnchanged() throws Exception {
            // The curl example of the endpoint's specification, with this server's address, a real token and chat.
            var curl = new ProcessBuilder("curl", "-sS", "-X", "POST",
                    "-H", "Content-Type: application/json",
                    "-H", "Cookie: neptun-session=" + adaCookie,
                    "-d", """
                    {
                    "messages": [
                    {
                    "content": "What is Python?",
                    "role": "user"
                    },
                    {
                    "content": "Python is a programming language...",
                    "role": "assistant"
                    }
                    ]
                    }""",
                    "-w", "\n%{http_code}",
                    "http://127.0.0.1:" + APP.getLocalPort() + messagesPath("ada", adaChat)).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(curl.waitFor()).isZero();
            assertThat(out).endsWith("\n200");
            var messages = Http.JSON.readTree(out.substring(0, out.lastIndexOf('\n'))).get("chatMessages");
            assertThat(texts(messages, "actor")).containsExactly("user", "assistant");
        }
    }

    @Nested
    class RefusingBadBodies {
        @Test
        void reportsEachInvalidElementWithItsPathAndStoresNothing() {
            var before = storedMessages();
            var reply = postAsAda("""
                    {"messages": [
                      {"content": "fine", "role": "user"},
                      {"content": "fine too", "role": "robot"},
                      {"content": "   ", "role": "user"}
                    ]}""");

            assertThat(reply.status()).isEqualTo(400);
            var body = reply.json();
            assertThat(body.get("statusCode").asInt()).isEqualTo(400);
            assertThat(body.get("statusMessage").asText()).isEqualTo("Bad Request. Invalid body(message | messages).");
            var issues = body.get("data").get("issues");
            assertThat(issues.findValuesAsText("code")).contains("invalid_enum_value");
            assertThat(issues.toString()).contains("[\"messages\",1,\"role\"]").contains("[\"messages\",2,\"content\"]");
            assertThat(storedMessages()).isEqualTo(before);
        }

        @Test
        void reportsAMissingFieldAsRequired() {
            var reply = postAsAda("{\"message\": \"hi\"}");
            assertThat(reply.status()).isEqualTo(400);
            var issue = reply.json().get("data").get("issues").get(0);
            assertThat(issue.get("code").asText()).isEqualTo("invalid_type");
            assertThat(issue.get("message").asText()).isEqualTo("Required");
            assertThat(issue.get("path").toString()).isEqualTo("[\"actor\"]");
        }

        @Test
        void reportsAWrongType() {
            var reply = postAsAda("{\"messages\": [{\"content\": 42, \"role\": \"user\"}]}");
            assertThat(reply.status()).isEqualTo(400);
            var issue = reply.json().get("data").get("issues").get(0);
            assertThat(issue.get("message").asText()).isEqualTo("Expected string, received number");
            assertThat(issue.get("path").toString()).isEqualTo("[\"messages\",0,\"content\"]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "{", "not json", "{\"message\": \"hi\", \"actor\": \"user\"} trailing", "[]", "null", "42",
                "{\"message\": \"a\", \"actor\": \"user\", \"messages\": [{\"content\": \"b\", \"role\": \"user\"}]}",
                "{\"messages\": []}", "{\"messages\": {}}", "{\"message\": \"\", \"actor\": \"user\"}",
                "{\"message\": \"a\\u0000b\", \"actor\": \"user\"}", "{\"message\": \"\\ud800\", \"actor\": \"user\"}"})
        void answersMalformedOrAmbiguousBodiesWith400AndTheEnvelope(String body) {
            var before = storedMessages();
            var reply = postAsAda(body);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("statusMessage").asText()).isEqualTo("Bad Request. Invalid body(message | messages).");
            assertThat(reply.json().get("data").get("issues").isArray()).isTrue();
            assertThat(storedMessages()).isEqualTo(before);
        }

        @Test
        void refusesMoreMessagesThanConfigured() {
            var body = new StringBuilder("{\"messages\": [");
            for (int i = 0; i < 51; i++) {
                body.append(i == 0 ? "" : ",").append("{\"content\": \"m\", \"role\": \"user\"}");
            }
            var reply = postAsAda(body.append("]}").toString());
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("data").get("issues").get(0).get("code").asText()).isEqualTo("too_big");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999", "%20"})
        void refusesAChatIdThatIsNotAPositiveInteger(String chatId) {
            var reply = http.post("/api/users/ada/chats/" + chatId + "/messages", adaCookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("statusCode").asInt()).isEqualTo(400);
        }

        @Test
        void refusesABodyOverTheLimitWith413() {
            var before = storedMessages();
            var reply = postAsAda("{\"message\": \"" + "x".repeat(MAX_BODY_BYTES) + "\", \"actor\": \"user\"}");
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().get("statusCode").asInt()).isEqualTo(413);
            assertThat(storedMessages()).isEqualTo(before);
        }

        @Test
        void refusesNonJsonContentWith415() {
            var reply = http.send(http.request(messagesPath("ada", adaChat), adaCookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("message=hi&actor=user")));
            assertThat(reply.status()).isEqualTo(415);
            assertThat(reply.json().get("statusCode").asInt()).isEqualTo(415);
        }
    }

    @Nested
    class Authenticating {
        @Test
        void refusesAMissingCookie() {
            assertUnauthorized(http.post(messagesPath("ada", adaChat), null, "{\"message\": \"hi\", \"actor\": \"user\"}"));
        }

        @Test
        void refusesAnUnknownToken() {
            var unknown = SessionToken.generate(new java.security.SecureRandom()).value();
            assertUnauthorized(http.post(messagesPath("ada", adaChat), unknown, "{\"message\": \"hi\", \"actor\": \"user\"}"));
            assertUnauthorized(http.post(messagesPath("ada", adaChat), "garbage", "{\"message\": \"hi\", \"actor\": \"user\"}"));
        }

        @Test
        void refusesAnExpiredSession() {
            var token = SessionToken.generate(new java.security.SecureRandom());
            var past = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
            new JdbiPersistence(jdbi).sessions().saveSession(token.hash(), new Session(ADA, past, past.plus(Duration.ofDays(1)), Optional.empty()));
            assertUnauthorized(http.post(messagesPath("ada", adaChat), token.value(), "{\"message\": \"hi\", \"actor\": \"user\"}"));
        }

        @Test
        void refusesARevokedSession() {
            var token = core.issueSession().issue(ADA, Duration.ofDays(1)).token();
            assertThat(http.post(messagesPath("ada", adaChat), token.value(), "{\"message\": \"hi\", \"actor\": \"user\"}").status())
                    .isEqualTo(200);
            assertThat(core.revokeSession().revoke(token)).isTrue();
            assertUnauthorized(http.post(messagesPath("ada", adaChat), token.value(), "{\"message\": \"hi\", \"actor\": \"user\"}"));
        }

        @Test
        void keepsTheConnectionUsableAfterRefusingARequestWhoseBodyArrivesLate() throws Exception {
            String body = "{\"message\": \"hi\", \"actor\": \"user\"}";
            String head = "POST " + messagesPath("ada", adaChat) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nCookie: neptun-session=unknown\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n";
            try (var socket = new java.net.Socket("127.0.0.1", APP.getLocalPort())) {
                socket.setSoTimeout(10_000);
                var out = socket.getOutputStream();
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                for (int round = 0; round < 2; round++) {
                    out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200); // the 401 is decided before the body arrives
                    out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    assertThat(in.readLine()).as("status line of request %d", round + 1).isEqualTo("HTTP/1.1 401 Unauthorized");
                    int length = 0;
                    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                        assertThat(line).doesNotStartWithIgnoringCase("Connection: close");
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).strip());
                        }
                    }
                    assertThat(in.skip(length)).isEqualTo(length);
                }
            }
        }

        private void assertUnauthorized(Http.Reply reply) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.json().get("statusCode").asInt()).isEqualTo(401);
        }
    }

    @Nested
    class Ownership {
        @Test
        void userACannotWriteIntoUserBsChat() {
            var before = storedMessages();
            var asOwner = http.post(messagesPath("bob", bobChat), adaCookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
            var asSelf = http.post(messagesPath("ada", bobChat), adaCookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
            var missing = http.post(messagesPath("ada", 987654321L), adaCookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
            var unknownUser = http.post(messagesPath("nobody", adaChat), adaCookie, "{\"message\": \"hi\", \"actor\": \"user\"}");

            for (var reply : List.of(asOwner, asSelf, missing, unknownUser)) {
                assertThat(reply.status()).isEqualTo(404);
                assertThat(reply.json().get("statusMessage").asText()).isEqualTo("Chat or user not found");
            }
            // The answers never reveal which of the reasons applied.
            assertThat(asOwner.body()).isEqualTo(asSelf.body()).isEqualTo(missing.body()).isEqualTo(unknownUser.body());
            assertThat(storedMessages()).isEqualTo(before);
            assertThat(http.post(messagesPath("bob", bobChat), bobCookie, "{\"message\": \"hi\", \"actor\": \"user\"}").status())
                    .isEqualTo(200);
        }
    }

    @Nested
    class Routing {
        @Test
        void answersUnknownRoutesAndWrongMethodsInTheEnvelope() {
            var unknown = http.post("/api/nothing-here", adaCookie, "{}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("statusCode").asInt()).isEqualTo(404);

            var wrongMethod = http.send(http.request(messagesPath("ada", adaChat), adaCookie).PUT(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json"));
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.json().get("statusCode").asInt()).isEqualTo(405);
        }
    }

    @Nested
    class Failing {
        @Test
        void aDatabaseFailureInTheMiddleOfABatchStoresNothingAndLeaksNothing() {
            jdbi.useHandle(h -> h.execute("""
                    create function fail_on_marker() returns trigger language plpgsql as $$
                    begin
                      if new.content = 'fail here' then raise exception 'injected failure in table messages'; end if;
                      return new;
                    end $$;
                    create trigger fail_on_marker before insert on messages for each row execute function fail_on_marker();
                    """));
            try {
                var before = storedMessages();
                var reply = postAsAda("""
                        {"messages": [
                          {"content": "first", "role": "user"},
                          {"content": "fail here", "role": "assistant"},
                          {"content": "third", "role": "user"}
                        ]}""");

                assertThat(reply.status()).isEqualTo(500);
                var body = reply.json();
                assertThat(body.get("statusCode").asInt()).isEqualTo(500);
                assertThat(reply.body()).doesNotContainIgnoringCase("injected").doesNotContainIgnoringCase("messages")
                        .doesNotContain("org.").doesNotContain("Exception").doesNotContainIgnoringCase("sql");
                assertThat(body.toString()).containsPattern("[0-9a-f]{8,}");
                assertThat(storedMessages()).isEqualTo(before);
            } finally {
                jdbi.useHandle(h -> h.execute("drop trigger fail_on_marker on messages; drop function fail_on_marker()"));
            }
        }
    }

    @Nested
    class Fuzzing {
        private static final long SEED = 20261125L;

        @Test
        void hostileBodiesNeverGiveA5xxAndAreStoredOnlyWhenAccepted() {
            var bodies = new HostileBodies(SEED);
            for (int i = 0; i < 400; i++) {
                String body = bodies.body();
                var before = storedMessages();
                var reply = postAsAda(body);
                String replay = "seed " + SEED + ", body #" + i + ": " + abbreviate(body);

                assertThat(reply.status()).as(replay).isLessThan(500).isIn(200, 400, 413);
                if (reply.status() == 200) {
                    var created = reply.json().has("chatMessage") ? 1 : reply.json().get("chatMessages").size();
                    assertThat(storedMessages()).as(replay).isEqualTo(before + created);
                } else {
                    assertThat(reply.json().get("statusCode").asInt()).as(replay).isEqualTo(reply.status());
                    assertThat(storedMessages()).as(replay).isEqualTo(before);
                }
            }
        }

        @Test
        void oddPathValuesNeverGiveA5xx() {
            var bodies = new HostileBodies(SEED);
            for (int i = 0; i < 200; i++) {
                String path = "/api/users/" + bodies.pathSegment() + "/chats/" + bodies.pathSegment() + "/messages";
                var before = storedMessages();
                Http.Reply reply;
                try {
                    reply = http.post(path, adaCookie, "{\"message\": \"hi\", \"actor\": \"user\"}");
                } catch (IllegalArgumentException notAUri) {
                    continue; // the client refuses to send it, so the server never sees it
                }
                assertThat(reply.status()).as(path).isLessThan(500);
                if (reply.status() != 200) {
                    assertThat(storedMessages()).as(path).isEqualTo(before);
                }
            }
        }

        private static String abbreviate(String body) {
            return body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    private static List<String> storedContentsOf(Iterable<JsonNode> messages) {
        List<String> contents = new ArrayList<>();
        for (JsonNode message : messages) {
            long id = message.get("id").asLong();
            contents.add(jdbi.withHandle(h -> h.createQuery("select content from messages where id = :id")
                    .bind("id", id).mapTo(String.class).one()));
        }
        return contents;
    }

    private static String json(String text) {
        try {
            return Http.JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A fixed thread pool that is shut down when the test ends. */
    private static final class AutoClosingPool implements AutoCloseable {
        final java.util.concurrent.ExecutorService executor;

        AutoClosingPool(int threads) {
            executor = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
