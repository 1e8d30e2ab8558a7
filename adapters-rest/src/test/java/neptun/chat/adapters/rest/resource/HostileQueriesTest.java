package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.domain.ChatFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.ReadMessagesCommand;
import neptun.chat.application.port.out.LoadMessagesPort.StoredPage;
import neptun.chat.application.service.CreateChatService;
import neptun.chat.application.service.ListChatsService;
import neptun.chat.application.service.ReadMessagesService;
import neptun.chat.application.service.RenameChatService;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Whatever query parameters, path values or chat bodies a client sends to the chat and reading routes,
 * the answer is never a server error, errors come in the envelope, and a next-page link leads back to the
 * same chat of the same user. The use cases are the real services over in-memory stores.
 */
@AddLifecycleHook(ResourceContainers.class)
class HostileQueriesTest {
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final PageLimits LIMITS = new PageLimits(3, 10);

    /** Chat 123 of any owner holds messages 1 to 25. */
    private static final ReadMessages READ_MESSAGES = new ReadMessagesService((owner, chat, after, limit) -> Optional.of(new StoredPage(
            after >= 25 ? List.of() : LongStream.rangeClosed(after + 1, 25).limit(limit)
                    .mapToObj(id -> new ChatMessage(new MessageId(id), chat, owner, new MessageContent("m" + id), Actor.USER, T0))
                    .toList(), 25)), LIMITS);

    /** Reads for whichever user the path names, so a link can be built for any user id. */
    private static final ReadMessages READ_AS_PATH_USER = command -> {
        MessagePage page = READ_MESSAGES.read(new ReadMessagesCommand(
                command.owner(), command.owner(), command.chatId(), command.after(), command.limit()));
        return new MessagePage(page.messages(), page.next().map(next -> new ReadMessagesCommand(
                command.requester(), next.owner(), next.chatId(), next.after(), next.limit())), page.lastMessageId());
    };

    private static final RestTestSupport.UseCasesBuilder USE_CASES = RestTestSupport.useCases()
            .createChat(new CreateChatService((owner, name, model, at) -> Optional.of(new Chat(new ChatId(1), owner, name, model, at, at)), CLOCK))
            .listChats(new ListChatsService((owner, order, limit) -> List.of(ChatFixtures.aChatOwnedBy(owner)), LIMITS))
            .renameChat(new RenameChatService((owner, chat, name, model, at) -> Optional.of(new Chat(chat, owner, name, model, T0, at)), CLOCK))
            .deleteChat(command -> ChatFixtures.aChat(command.chatId(), command.owner()))
            .createMessages(RestTestSupport.creatingMessages(command -> List.of()))
            .removeLastMessage(command -> {
                throw new ChatHasNoMessagesException();
            });
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS,
            USE_CASES.readMessages(READ_MESSAGES).build());
    private static final ResourceExtension anyUser = RestTestSupport.resource(RestTestSupport.SETTINGS,
            USE_CASES.readMessages(READ_AS_PATH_USER).build());

    @Property(tries = 200)
    void pageQueries(@ForAll("queryValues") String after, @ForAll("queryValues") String limit, @ForAll boolean both) {
        WebTarget target = withQuery(resource.target("/api/users/ada/chats/123/messages"), "after", after);
        Response response = (both ? withQuery(target, "limit", limit) : target).request().cookie(COOKIE, SESSION).get();

        JsonNode body = checkAnswer(response);
        if (response.getStatus() == 400) {
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid query(after, limit).");
            assertThat(body.at("/data/issues").size()).isPositive();
        }
    }

    @Property(tries = 200)
    void linksLeadBackToTheSameChatOfTheSameUser(@ForAll("userIds") String userId, @ForAll("queryValues") String after) {
        Response response = withQuery(anyUser.target("/api/users/{user_id}/chats/123/messages").resolveTemplate("user_id", userId),
                "after", after).request().cookie(COOKIE, SESSION).get();

        checkAnswer(response);
        String link = response.getHeaderString("Link");
        if (link != null) {
            assertThat(link).startsWith("</api/users/").endsWith(">; rel=\"next\"");
            URI next = URI.create(link.substring(1, link.indexOf('>')));
            assertThat(next.getPath()).as("user id %s", userId.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo("/api/users/" + userId + "/chats/123/messages");
            assertThat(next.getRawQuery()).matches("after=[0-9]+&limit=3");
        }
    }

    @Property(tries = 200)
    void chatListQueries(@ForAll("orders") String orderBy, @ForAll("queryValues") String limit) {
        WebTarget target = withQuery(withQuery(resource.target("/api/users/ada/chats"), "order_by", orderBy), "limit", limit);

        JsonNode body = checkAnswer(target.request().cookie(COOKIE, SESSION).get());
        if (body.has("statusCode")) {
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid query(limit, order_by).");
        }
    }

    @Property(tries = 200)
    void chatBodies(@ForAll("chatBodies") String requestBody, @ForAll boolean rename) {
        var request = resource.target(rename ? "/api/users/ada/chats/5" : "/api/users/ada/chats").request().cookie(COOKIE, SESSION);
        Entity<String> entity = Entity.entity(requestBody, "application/json");

        JsonNode body = checkAnswer(rename ? request.method("PATCH", entity) : request.post(entity));
        if (body.has("statusCode")) {
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(model, name).");
        } else {
            assertThat(body.at("/chat/name").isTextual()).isTrue();
        }
    }

    private static JsonNode checkAnswer(Response response) {
        int status = response.getStatus();
        String text = response.readEntity(String.class);
        assertThat(status).as(text).isLessThan(500).isIn(200, 400, 404);
        JsonNode body = json(text);
        assertThat(body.isObject()).isTrue();
        if (status >= 400) {
            assertThat(body.get("statusCode").intValue()).isEqualTo(status);
        }
        return body;
    }

    /** Adds a query parameter whose value reaches the server exactly as given, braces and percent signs included. */
    private static WebTarget withQuery(WebTarget target, String name, String value) {
        return target.queryParam(name, URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "1", "-1", "3", "10", "11", "25", "26", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "", " ", "+1", " 1", "1.5",
                        "1e3", "0x10", "abc", "%", "{x}", "\u0000", "\u0663", "\uFF11", "1".repeat(5000)),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> orders() {
        return Arbitraries.oneOf(
                Arbitraries.of("updated_at", "created_at", "updated_at:desc", "created_at:asc", "UPDATED_AT", "name:asc",
                        "updated_at,created_at", "", ":", "updated_at:", "\u0000"),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    /** User ids a client can send: valid ones (a lone surrogate, say, has no UTF-8 form for a URI to carry). */
    @Provide
    Arbitrary<String> userIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("ada", "bob", "a b", "ä", "?x=1", "#frag", "%", "%25", ";", "+", "&after=1", "\uD83D\uDE00", "'\"<>"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)
                        .filter(s -> !s.contains("/") && !s.equals(".") && !s.equals("..")),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(10))
                .filter(id -> UserId.parse(id).isPresent());
    }

    @Provide
    Arbitrary<String> chatBodies() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of("\"Trip\"", "\"\"", "\" \"", "null", "1", "true", "[]", "{}", "\"\\u0000\"", "\"\\uD800\"",
                        "\"" + "x".repeat(300) + "\""),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20).map(s -> "\"" + s + "\""));
        Arbitrary<String> field = Arbitraries.of("name", "model", "extra", "Name", "");
        Arbitrary<String> member = Combinators.combine(field, text).as((f, v) -> "\"" + f + "\": " + v);
        return Arbitraries.oneOf(
                member.list().ofMaxSize(4).map(members -> "{" + String.join(", ", members) + "}"),
                Arbitraries.of("", "[", "{", "null", "[]", "\"name\"", "{\"name\": \"a\"} x", "{\"name\": \"a\", \"name\": \"b\"}"),
                Arbitraries.strings().all().ofMaxLength(40));
    }
}
