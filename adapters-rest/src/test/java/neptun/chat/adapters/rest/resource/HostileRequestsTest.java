package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.Violation;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Whatever a client sends, the answer is never a server error, and a refused request stored nothing:
 * the use case was either not called or refused it itself.
 */
@AddLifecycleHook(ResourceContainers.class)
class HostileRequestsTest {
    private static final RecordingCreateMessages createMessages = new RecordingCreateMessages();
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, createMessages);

    @BeforeTry
    void forgetCalls() {
        createMessages.reset();
    }

    @Property(tries = 400)
    void arbitraryJsonBodies(@ForAll("jsonBodies") String body, @ForAll("outcomes") Outcome outcome) {
        createMessages.willAnswer(outcome);

        checkAnswer(request("ada", "123").post(Entity.entity(body, "application/json")));
    }

    @Property(tries = 400)
    void bodiesOfAlmostTheRightShape(@ForAll("shapedBodies") String body, @ForAll("outcomes") Outcome outcome) {
        createMessages.willAnswer(outcome);

        checkAnswer(request("ada", "123").post(Entity.entity(body, "application/json")));
    }

    @Property(tries = 300)
    void brokenBodies(@ForAll("brokenBodies") byte[] body, @ForAll("contentTypes") String contentType, @ForAll("outcomes") Outcome outcome) {
        createMessages.willAnswer(outcome);

        checkAnswer(request("ada", "123").post(Entity.entity(body, contentType)));
    }

    @Property(tries = 300)
    void oddPaths(@ForAll("userIds") String userId, @ForAll("chatIds") String chatId, @ForAll("outcomes") Outcome outcome) {
        createMessages.willAnswer(outcome);

        checkAnswer(request(userId, chatId).post(Entity.entity("{\"message\": \"hi\", \"actor\": \"user\"}", "application/json")));
    }

    private static Invocation.Builder request(String userId, String chatId) {
        return resource.target("/api/users/{user_id}/chats/{chat_id}/messages")
                .resolveTemplate("user_id", userId)
                .resolveTemplate("chat_id", chatId)
                .request()
                .cookie(COOKIE, SESSION);
    }

    private static void checkAnswer(Response response) {
        int status = response.getStatus();
        String text = response.readEntity(String.class);

        assertThat(status).as(text).isLessThan(500);
        JsonNode body = json(text);
        assertThat(body.isObject()).isTrue();
        if (status >= 400) {
            assertThat(body.get("statusCode").intValue()).isEqualTo(status);
            assertThat(body.get("statusMessage").isTextual()).isTrue();
            assertThat(createMessages.calls == 0 || createMessages.refused).as("stored although answered %d", status).isTrue();
        } else {
            assertThat(status).isEqualTo(200);
            assertThat(createMessages.calls).isEqualTo(1);
        }
    }

    // ---- what the use case does with a command that reaches it

    record Outcome(boolean store, List<Violation> violations) {
    }

    @Provide
    Arbitrary<Outcome> outcomes() {
        Arbitrary<InputPath> path = Combinators.combine(
                Arbitraries.integers().between(0, 2000).optional(),
                Arbitraries.of(InputField.class))
                .as((message, field) -> message.map(i -> InputPath.of(i, field)).orElse(InputPath.of(field)));
        Arbitrary<Violation> violation = Combinators.combine(
                path,
                Arbitraries.of(Violation.Kind.class),
                Arbitraries.longs(),
                Arbitraries.strings().ofMaxLength(10).list().ofMaxSize(3),
                Arbitraries.strings().ofMaxLength(30))
                .as(Violation::new);
        return Arbitraries.oneOf(
                Arbitraries.just(new Outcome(true, List.of())),
                Arbitraries.just(new Outcome(false, List.of())),
                violation.list().ofMinSize(1).ofMaxSize(5).map(violations -> new Outcome(false, violations)));
    }

    /** Stores nothing; records whether it was called and whether it refused. */
    static final class RecordingCreateMessages implements CreateMessages {
        private Outcome outcome = new Outcome(true, List.of());
        int calls;
        boolean refused;

        void willAnswer(Outcome outcome) {
            this.outcome = outcome;
        }

        void reset() {
            calls = 0;
            refused = false;
        }

        @Override
        public List<ChatMessage> create(CreateMessagesCommand command) {
            calls++;
            if (!outcome.store()) {
                refused = true;
                if (outcome.violations().isEmpty()) {
                    throw new ChatNotFoundException();
                }
                throw new InvalidInputException(outcome.violations());
            }
            return IntStream.range(0, command.messages().size())
                    .mapToObj(i -> new ChatMessage(new MessageId(i + 1L), command.chatId(), command.owner(),
                            new MessageContent("stored"), Actor.USER, Instant.EPOCH))
                    .toList();
        }

        @Override
        public void check(CreateMessagesCommand command) {
            throw new AssertionError("the adapter only ever creates messages");
        }
    }

    // ---- bodies

    @Provide
    Arbitrary<String> jsonBodies() {
        return jsonValues();
    }

    @Provide
    Arbitrary<String> shapedBodies() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                weighted(6, hostileStrings().map(HostileRequestsTest::jsonString)),
                weighted(2, escapedOddities()),
                weighted(2, jsonValues()));
        Arbitrary<String> single = Combinators.combine(value, value, extraField())
                .as((message, actor, extra) -> "{\"message\": " + message + ", \"actor\": " + actor + extra + "}");
        Arbitrary<String> item = Arbitraries.frequencyOf(
                weighted(8, Combinators.combine(value, value, extraField())
                        .as((content, role, extra) -> "{\"content\": " + content + ", \"role\": " + role + extra + "}")),
                weighted(1, jsonValues()));
        Arbitrary<String> batch = Combinators.combine(item.list().ofMaxSize(12), extraField())
                .as((items, extra) -> "{\"messages\": [" + String.join(", ", items) + "]" + extra + "}");
        Arbitrary<String> both = Combinators.combine(single, batch)
                .as((s, b) -> s.substring(0, s.length() - 1) + ", " + b.substring(1));
        return Arbitraries.frequencyOf(weighted(4, single), weighted(4, batch), weighted(1, both));
    }

    @Provide
    Arbitrary<byte[]> brokenBodies() {
        Arbitrary<String> truncated = shapedBodies().flatMap(body ->
                Arbitraries.integers().between(0, body.length()).map(cut -> body.substring(0, cut)));
        Arbitrary<String> deep = Combinators.combine(Arbitraries.integers().between(1, 5000), Arbitraries.of("[", "{\"a\":", "[{\"messages\":"), Arbitraries.of(true, false))
                .as((depth, open, closed) -> open.repeat(depth) + (closed && open.equals("[") ? "]".repeat(depth) : ""));
        Arbitrary<String> trailing = Combinators.combine(shapedBodies(), Arbitraries.of("x", "}", "{}", "[]", "\u0000", ",", " 1"))
                .as((body, junk) -> body + junk);
        Arbitrary<String> raw = Arbitraries.strings().all().ofMaxLength(200);
        return Arbitraries.oneOf(
                Arbitraries.oneOf(truncated, deep, trailing, raw).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
                "application/json;charset=UTF-16", "text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/octet-stream", "multipart/form-data; boundary=x");
    }

    private static Arbitrary<String> jsonValues() {
        return Arbitraries.recursive(HostileRequestsTest::jsonLeaves, HostileRequestsTest::jsonContainers, 0, 4);
    }

    private static Arbitrary<String> jsonLeaves() {
        return Arbitraries.frequencyOf(
                weighted(4, hostileStrings().map(HostileRequestsTest::jsonString)),
                weighted(1, escapedOddities()),
                weighted(2, numbers()),
                weighted(1, Arbitraries.of("true", "false", "null")));
    }

    private static Arbitrary<String> jsonContainers(Arbitrary<String> inner) {
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of("message", "messages", "actor", "content", "role", "", "__proto__", "Message", "constructor"),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> field = Combinators.combine(key, inner).as((k, v) -> jsonString(k) + ":" + v);
        Arbitrary<String> object = field.list().ofMaxSize(4).map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.oneOf(array, object);
    }

    private static Arbitrary<String> extraField() {
        return Arbitraries.oneOf(Arbitraries.just(""), jsonValues().map(v -> ", \"extra\": " + v));
    }

    private static Arbitrary<String> hostileStrings() {
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.of("user", "assistant", "system", "User", "SYSTEM ", "", " ", "\t\n", "\u0000", "a\u0000b",
                        "\uD800", "\uDC00", "a\uD800b", "\uDBFF\uDFFF", "\uFEFF", "\u202Eevil", "\uD83D\uDE00", "null",
                        "<script>alert(1)</script>", "'; drop table chat_message; --", "\\", "\"")),
                weighted(3, Arbitraries.strings().all().ofMaxLength(40)),
                weighted(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1000).ofMaxLength(20_000)));
    }

    /** Escape sequences written as JSON text, which the parser turns into odd characters. */
    private static Arbitrary<String> escapedOddities() {
        return Arbitraries.of("\"\\uD800\"", "\"\\uDC00x\"", "\"a\\uD800\\uD800\"", "\"\\u0000\"", "\"\\uDBFF\\uDFFF\"",
                "\"\\u0000\\u0001\\u001f\"", "\"\\/\\b\\f\\n\\r\\t\"");
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1.0", "-1", "1e999", "-1e999", "1E400", "1e-999", "0.0000000000000000000001",
                        "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                        "123456789012345678901234567890123456789012345678901234567890", "1" + "0".repeat(900)),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("Infinity") && !d.contains("NaN")));
    }

    // ---- paths

    @Provide
    Arbitrary<String> userIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("ada", "bob", " ", "\u0000", "a/b", "..", ".", "%", "%2F", "%00", "\uD83D\uDE00", "\uD800",
                        "u".repeat(255), "u".repeat(256), "a b", "?x=1", "#frag", ";", "ada;x=1", "ada\n"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> chatIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("1", "123", "0", "-0", "-1", "1.0", "1e3", "1e999", "9223372036854775807", "9223372036854775808",
                        "0x1", "01", "+1", " 1", "1 ", "\u0661", "\uFF11", "1/2", "%31", "NaN", "Infinity"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20));
    }

    // ---- helpers

    private static Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight, Arbitrary<String> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    /** {@code text} as a JSON string literal; lone surrogates become escapes, so the bytes stay valid UTF-8. */
    private static String jsonString(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

}
