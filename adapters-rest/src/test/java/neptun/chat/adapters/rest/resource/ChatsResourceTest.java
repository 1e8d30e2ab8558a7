package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.fixture;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.adapters.rest.RestTestSupport.jsonFixture;
import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static neptun.chat.domain.ChatFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ListChatsCommand;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.domain.ChatId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ResourceContainers.class)
class ChatsResourceTest {
    private static final String CHATS_OF_ADA = "/api/users/ada/chats";
    private static final String CHAT_123 = "/api/users/ada/chats/123";
    private static final Chat TRIP = new Chat(new ChatId(123), ADA, "Trip to Tokyo", Optional.of("gpt-4o"), T0,
            Instant.parse("2026-03-20T10:05:00Z"));

    private static final CreateChat createChat = mock(CreateChat.class);
    private static final ListChats listChats = mock(ListChats.class);
    private static final RenameChat renameChat = mock(RenameChat.class);
    private static final DeleteChat deleteChat = mock(DeleteChat.class);
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS,
            RestTestSupport.useCases().createChat(createChat).listChats(listChats).renameChat(renameChat).deleteChat(deleteChat).build());

    @BeforeEach
    void forgetCalls() {
        reset(createChat, listChats, renameChat, deleteChat);
    }

    @Nested
    class Creating {
        @Test
        void createsAChatAndAnswersWithIt() {
            when(createChat.create(any())).thenReturn(TRIP);

            Response response = post(CHATS_OF_ADA, fixture("chat-request.json"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
            assertThat(body(response)).isEqualTo(jsonFixture("chat-response.json"));
            verify(createChat).create(new CreateChatCommand(ADA, ADA, "Trip to Tokyo", Optional.of("gpt-4o")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"name\": \"Untitled\"}", "{\"name\": \"Untitled\", \"model\": null}",
            "{\"name\": \"Untitled\", \"extra\": [1]}"})
        void treatsAMissingOrNullModelAsNone(String requestBody) {
            when(createChat.create(any())).thenReturn(ChatFixtures.aChatOwnedBy(ADA));

            Response response = post(CHATS_OF_ADA, requestBody);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response).at("/chat/model").isNull()).isTrue();
            verify(createChat).create(new CreateChatCommand(ADA, ADA, "Untitled", Optional.empty()));
        }

        @Test
        void actsForTheSessionUserOnThePathUser() {
            when(createChat.create(any())).thenThrow(new ChatNotFoundException());

            Response response = post("/api/users/bob/chats", "{\"name\": \"mine\"}");

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verify(createChat).create(new CreateChatCommand(ADA, BOB, "mine", Optional.empty()));
        }

        @Test
        void answersAnUnregisteredOwnerLikeAMissingChat() {
            when(createChat.create(any())).thenThrow(new UserNotFoundException(ADA));

            Response response = post(CHATS_OF_ADA, "{\"name\": \"x\"}");

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
        }

        @Test
        void namesEveryShapeProblemOfTheBody() {
            Response response = post(CHATS_OF_ADA, "{\"model\": 4}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-chat-body.json"));
            verifyNoInteractions(createChat);
        }

        static Stream<Arguments> wrongShapes() {
            return Stream.of(
                    Arguments.of("", "invalid_type", "Required", "[]"),
                    Arguments.of("[]", "invalid_type", "Expected object, received array", "[]"),
                    Arguments.of("{", "custom", "Invalid JSON at line 1, column 2", "[]"),
                    Arguments.of("{\"name\": \"a\", \"name\": \"b\"}", "custom", "Invalid JSON at line 1, column 21", "[]"),
                    Arguments.of("{}", "invalid_type", "Required", "[\"name\"]"),
                    Arguments.of("{\"name\": null}", "invalid_type", "Expected string, received null", "[\"name\"]"),
                    Arguments.of("{\"name\": [\"x\"]}", "invalid_type", "Expected string, received array", "[\"name\"]"),
                    Arguments.of("{\"name\": \"x\", \"model\": {}}", "invalid_type", "Expected string, received object", "[\"model\"]"));
        }

        @ParameterizedTest
        @MethodSource("wrongShapes")
        void reportsOneIssueForABodyOfTheWrongShape(String requestBody, String code, String message, String path) {
            Response response = post(CHATS_OF_ADA, requestBody);

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = body(response);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(model, name).");
            assertThat(body.at("/data/issues")).containsExactly(issue(code, message, path));
            verifyNoInteractions(createChat);
        }

        @Test
        void reportsTheApplicationsViolationsAtTheirFields() {
            when(createChat.create(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.of(InputPath.of(InputField.NAME), Kind.BLANK),
                    Violation.beyond(InputPath.of(InputField.MODEL), Kind.TOO_LONG, 255))));

            Response response = post(CHATS_OF_ADA, "{\"name\": \" \", \"model\": \"m\"}");

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = body(response);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(model, name).");
            assertThat(body.at("/data/issues")).containsExactly(
                    issue("custom", "String must not be blank", "[\"name\"]"),
                    issue("too_big", "String must contain at most 255 character(s)", "[\"model\"]"));
        }

        @Test
        void refusesABodyThatIsNotJson() {
            Response response = authenticated(CHATS_OF_ADA).post(Entity.text("name=x"));
            Response withoutType = authenticated(CHATS_OF_ADA).post(null);

            assertThat(response.getStatus()).isEqualTo(415);
            assertThat(body(response)).isEqualTo(jsonFixture("error-415.json"));
            assertThat(withoutType.getStatus()).isEqualTo(415);
            verifyNoInteractions(createChat);
        }

        @Test
        void refusesABodyOverTheLimit() {
            Response response = post(CHATS_OF_ADA, "{\"name\": \"" + "x".repeat((int) RestTestSupport.MAX_BODY_BYTES) + "\"}");

            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(body(response)).isEqualTo(jsonFixture("error-413.json"));
            verifyNoInteractions(createChat);
        }
    }

    @Nested
    class Listing {
        @Test
        void listsTheChatsMostRecentlyActiveFirstByDefault() {
            when(listChats.list(any())).thenReturn(List.of(TRIP, ChatFixtures.aChat(new ChatId(7), ADA)));

            Response response = authenticated(CHATS_OF_ADA).get();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(jsonFixture("chats-response.json"));
            verify(listChats).list(new ListChatsCommand(ADA, ADA, ChatOrder.UPDATED_AT_DESC, OptionalInt.empty()));
        }

        static Stream<Arguments> orders() {
            return Stream.of(
                    Arguments.of("updated_at", ChatOrder.UPDATED_AT_DESC),
                    Arguments.of("updated_at:desc", ChatOrder.UPDATED_AT_DESC),
                    Arguments.of("updated_at:asc", ChatOrder.UPDATED_AT_ASC),
                    Arguments.of("created_at", ChatOrder.CREATED_AT_DESC),
                    Arguments.of("created_at:desc", ChatOrder.CREATED_AT_DESC),
                    Arguments.of("created_at:asc", ChatOrder.CREATED_AT_ASC));
        }

        @ParameterizedTest
        @MethodSource("orders")
        void readsTheOrderAsNeptunWritesIt(String orderBy, ChatOrder order) {
            when(listChats.list(any())).thenReturn(List.of());

            Response response = authenticated(CHATS_OF_ADA, "limit=20&order_by=" + orderBy).get();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(json("{\"chats\": []}"));
            verify(listChats).list(new ListChatsCommand(ADA, ADA, order, OptionalInt.of(20)));
        }

        @Test
        void refusesAnUnknownOrderAndABadLimitTogether() {
            Response response = authenticated(CHATS_OF_ADA, "order_by=name:asc&limit=many").get();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-chat-query.json"));
            verifyNoInteractions(listChats);
        }

        @ParameterizedTest
        @ValueSource(strings = {"order_by=updated_at,created_at", "order_by=UPDATED_AT", "order_by=", "order_by=updated_at:",
            "order_by=updated_at&order_by=created_at"})
        void refusesOtherOrders(String query) {
            Response response = authenticated(CHATS_OF_ADA, query).get();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).at("/data/issues/0/path")).isEqualTo(json("[\"order_by\"]"));
            verifyNoInteractions(listChats);
        }

        @Test
        void refusesOrderValuesWithoutEchoingControlCharacters() {
            Response response = authenticated(CHATS_OF_ADA, "order_by=%1B%5B31m" + "x".repeat(100)).get();

            String message = body(response).at("/data/issues/0/message").textValue();
            assertThat(message).doesNotContain("\u001b").contains("received '\uFFFD[31mxxx").endsWith("…'");
        }

        @Test
        void reportsTheApplicationsLimitViolation() {
            when(listChats.list(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.beyond(InputPath.of(InputField.LIMIT), Kind.TOO_LOW, 1))));

            Response response = authenticated(CHATS_OF_ADA, "limit=0").get();

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = body(response);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid query(limit, order_by).");
            assertThat(body.at("/data/issues")).containsExactly(
                    issue("too_small", "Number must be greater than or equal to 1", "[\"limit\"]"));
        }

        @Test
        void answersNotFoundForAnotherUsersList() {
            when(listChats.list(any())).thenThrow(new ChatNotFoundException());

            Response response = authenticated("/api/users/bob/chats").get();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verify(listChats).list(new ListChatsCommand(ADA, BOB, ChatOrder.UPDATED_AT_DESC, OptionalInt.empty()));
        }
    }

    @Nested
    class Renaming {
        @Test
        void renamesTheChatAndAnswersWithIt() {
            when(renameChat.rename(any())).thenReturn(TRIP);

            Response response = patch(CHAT_123, fixture("chat-request.json"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(jsonFixture("chat-response.json"));
            verify(renameChat).rename(new RenameChatCommand(ADA, ADA, new ChatId(123), "Trip to Tokyo", Optional.of("gpt-4o")));
        }

        @Test
        void keepsTheModelWhenTheBodyNamesNone() {
            when(renameChat.rename(any())).thenReturn(TRIP);

            patch(CHAT_123, "{\"name\": \"Trip\"}");

            verify(renameChat).rename(new RenameChatCommand(ADA, ADA, new ChatId(123), "Trip", Optional.empty()));
        }

        @Test
        void refusesABodyWithoutName() {
            Response response = patch(CHAT_123, "{\"model\": 4}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-chat-body.json"));
            verifyNoInteractions(renameChat);
        }

        @Test
        void reportsTheApplicationsViolations() {
            when(renameChat.rename(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.beyond(InputPath.of(InputField.NAME), Kind.TOO_SHORT, 1))));

            Response response = patch(CHAT_123, "{\"name\": \"\"}");

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = body(response);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(model, name).");
            assertThat(body.at("/data/issues")).containsExactly(
                    issue("too_small", "String must contain at least 1 character(s)", "[\"name\"]"));
        }

        @Test
        void answersNotFoundForSomeoneElsesChat() {
            when(renameChat.rename(any())).thenThrow(new ChatNotFoundException());

            Response response = patch("/api/users/bob/chats/7", "{\"name\": \"mine\"}");

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verify(renameChat).rename(new RenameChatCommand(ADA, BOB, new ChatId(7), "mine", Optional.empty()));
        }

        @Test
        void refusesABadChatIdAndABodyThatIsNotJson() {
            assertThat(body(patch("/api/users/ada/chats/abc", "{\"name\": \"x\"}"))).isEqualTo(jsonFixture("error-400-chat-id.json"));
            assertThat(authenticated(CHAT_123).method("PATCH", Entity.text("name=x")).getStatus()).isEqualTo(415);
            verifyNoInteractions(renameChat);
        }
    }

    @Nested
    class Deleting {
        @Test
        void deletesTheChatAndAnswersWithItAsItWas() {
            when(deleteChat.delete(any())).thenReturn(TRIP);

            Response response = authenticated(CHAT_123).delete();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(jsonFixture("chat-response.json"));
            verify(deleteChat).delete(new DeleteChatCommand(ADA, ADA, new ChatId(123)));
        }

        @Test
        void answersNotFoundForSomeoneElsesChat() {
            when(deleteChat.delete(any())).thenThrow(new ChatNotFoundException());

            Response response = authenticated("/api/users/bob/chats/7").delete();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verify(deleteChat).delete(new DeleteChatCommand(ADA, BOB, new ChatId(7)));
        }

        @Test
        void refusesABadChatId() {
            Response response = authenticated("/api/users/ada/chats/-4").delete();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-chat-id.json"));
            verifyNoInteractions(deleteChat);
        }
    }

    @Nested
    class Routing {
        @Test
        void requiresASessionOnEveryRoute() {
            var target = resource.target(CHAT_123);
            List<Response> responses = List.of(
                    resource.target(CHATS_OF_ADA).request().get(),
                    resource.target(CHATS_OF_ADA).request().post(Entity.json("{\"name\": \"x\"}")),
                    target.request().method("PATCH", Entity.json("{\"name\": \"x\"}")),
                    target.request().delete(),
                    resource.target(CHATS_OF_ADA).request().cookie(COOKIE, "unknown").get());

            assertThat(responses).allSatisfy(response -> {
                assertThat(response.getStatus()).isEqualTo(401);
                assertThat(body(response)).isEqualTo(jsonFixture("error-401.json"));
            });
            verifyNoInteractions(createChat, listChats, renameChat, deleteChat);
        }

        @Test
        void answersWrongMethodsInTheEnvelope() {
            Response onList = authenticated(CHATS_OF_ADA).put(Entity.json("{}"));
            Response onChat = authenticated(CHAT_123).get();

            assertThat(onList.getStatus()).isEqualTo(405);
            assertThat(onList.getHeaderString(HttpHeaders.ALLOW)).contains("GET").contains("POST");
            assertThat(body(onList)).isEqualTo(jsonFixture("error-405.json"));
            assertThat(onChat.getStatus()).isEqualTo(405);
            assertThat(onChat.getHeaderString(HttpHeaders.ALLOW)).contains("PATCH").contains("DELETE");
        }

        @Test
        void answersUnknownSubRoutesInTheEnvelope() {
            Response response = authenticated(CHAT_123 + "/attachments").get();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-route.json"));
        }
    }

    private static Invocation.Builder authenticated(String path) {
        return resource.target(path).request().cookie(COOKIE, SESSION);
    }

    /** A request to {@code path} with the query {@code query} ({@code name=value&...}, percent-encoded as in a URI). */
    private static Invocation.Builder authenticated(String path, String query) {
        var target = resource.target(path);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            target = target.queryParam(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return target.request().cookie(COOKIE, SESSION);
    }

    private static Response post(String path, String body) {
        return authenticated(path).post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private static Response patch(String path, String body) {
        return authenticated(path).method("PATCH", Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private static JsonNode body(Response response) {
        return json(response.readEntity(String.class));
    }

    private static JsonNode issue(String code, String message, String path) {
        return json("{\"code\": \"" + code + "\", \"message\": \"" + message + "\", \"path\": " + path + "}");
    }
}
