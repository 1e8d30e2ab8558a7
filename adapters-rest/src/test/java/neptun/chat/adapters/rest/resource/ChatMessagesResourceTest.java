package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.BROKEN_SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.MAX_BODY_BYTES;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.fixture;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.adapters.rest.RestTestSupport.jsonFixture;
import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static neptun.chat.domain.ChatFixtures.aChatOwnedBy;
import static neptun.chat.domain.ChatFixtures.aMessage;
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
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import neptun.chat.adapters.rest.LogCapture;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.adapters.rest.json.StrictJson;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.ReadMessagesCommand;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ResourceContainers.class)
class ChatMessagesResourceTest {
    private static final String MESSAGES_OF_CHAT_123 = "/api/users/ada/chats/123/messages";
    private static final Chat CHAT = aChatOwnedBy(ADA);
    private static final List<String> ROLES = List.of("user", "assistant", "system");

    private static final CreateMessages createMessages = mock(CreateMessages.class);
    private static final ReadMessages readMessages = mock(ReadMessages.class);
    private static final RemoveLastMessage removeLastMessage = mock(RemoveLastMessage.class);
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, RestTestSupport.useCases()
            .createMessages(createMessages).readMessages(readMessages).removeLastMessage(removeLastMessage).build());

    @BeforeEach
    void forgetCalls() {
        reset(createMessages, readMessages, removeLastMessage);
    }

    @Nested
    class Creating {
        @Test
        void createsOneMessageFromASingleBodyAndAnswersWithIt() {
            when(createMessages.create(any())).thenReturn(List.of(aMessage(1, CHAT, "Hello, how can I help?", Actor.ASSISTANT)));

            Response response = post(fixture("single-request.json"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
            assertThat(body(response)).isEqualTo(jsonFixture("single-response.json"));
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123),
                    List.of(new MessageInput("Hello, how can I help?", "assistant"))));
        }

        @Test
        void createsAllMessagesOfABatchInOrderAndAnswersWithThem() {
            when(createMessages.create(any())).thenReturn(List.of(
                    aMessage(1, CHAT, "What is Python?", Actor.USER),
                    aMessage(2, CHAT, "Python is a programming language...", Actor.ASSISTANT)));

            Response response = post(fixture("batch-request.json"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(jsonFixture("batch-response.json"));
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123), List.of(
                    new MessageInput("What is Python?", "user"),
                    new MessageInput("Python is a programming language...", "assistant"))));
        }

        @Test
        void passesContentOnExactlyAsSent() {
            String content = "  line one\n\ttab, \"quotes\", emoji \uD83D\uDE00, escaped \u00e9 and trailing space ";
            when(createMessages.create(any())).thenReturn(List.of(aMessage(1, CHAT, content, Actor.USER)));

            Response response = post("{\"message\": \"  line one\\n\\ttab, \\\"quotes\\\", emoji \uD83D\uDE00,"
                    + " escaped \\u00e9 and trailing space \", \"actor\": \"user\"}");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response).at("/chatMessage/message").textValue()).isEqualTo(content);
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123),
                    List.of(new MessageInput(content, "user"))));
        }

        @Test
        void ignoresUnknownFields() {
            when(createMessages.create(any())).thenReturn(List.of(aMessage(1, CHAT, "hi", Actor.USER)));

            Response response = post("{\"message\": \"hi\", \"actor\": \"user\", \"model\": {\"name\": \"gpt\"}, \"extra\": [1, 2]}");

            assertThat(response.getStatus()).isEqualTo(200);
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123), List.of(new MessageInput("hi", "user"))));
        }

        @Test
        void leavesRolesAndLimitsToTheApplication() {
            when(createMessages.create(any())).thenReturn(List.of());

            post("{\"messages\": [{\"content\": \"\", \"role\": \"wizard\"}]}");

            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123), List.of(new MessageInput("", "wizard"))));
        }

        @Test
        void passesAnEmptyBatchToTheApplication() {
            when(createMessages.create(any())).thenReturn(List.of());

            Response response = post("{\"messages\": []}");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(json("{\"chatMessages\": []}"));
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123), List.of()));
        }

        @Test
        void actsForTheSessionUserInTheChatOfThePathUser() {
            when(createMessages.create(any())).thenThrow(new ChatNotFoundException());

            Response response = post("/api/users/bob/chats/7/messages", fixture("single-request.json"));

            assertThat(response.getStatus()).isEqualTo(404);
            verify(createMessages).create(new CreateMessagesCommand(ADA, BOB, new ChatId(7),
                    List.of(new MessageInput("Hello, how can I help?", "assistant"))));
        }

        @Test
        void acceptsJsonWithACharsetParameter() {
            when(createMessages.create(any())).thenReturn(List.of(aMessage(1, CHAT, "Hello, how can I help?", Actor.ASSISTANT)));

            Response response = authenticated(MESSAGES_OF_CHAT_123)
                    .post(Entity.entity(fixture("single-request.json"), "application/json; charset=UTF-8"));

            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Nested
    class RejectingBodiesOfTheWrongShape {
        @Test
        void namesTheMissingField() {
            Response response = post("{\"message\": \"hi\"}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-missing-actor.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void namesEveryProblemOfABatchWithItsPath() {
            Response response = post("{\"messages\": [1, {\"content\": \"a\"}, {\"content\": [], \"role\": null}, {\"content\": \"ok\", \"role\": \"user\"}]}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-batch-shape.json"));
            verifyNoInteractions(createMessages);
        }

        static Stream<Arguments> wrongShapes() {
            return Stream.of(
                    Arguments.of("[]", "invalid_type", "Expected object, received array", "[]"),
                    Arguments.of("\"text\"", "invalid_type", "Expected object, received string", "[]"),
                    Arguments.of("42", "invalid_type", "Expected object, received number", "[]"),
                    Arguments.of("null", "invalid_type", "Expected object, received null", "[]"),
                    Arguments.of("", "invalid_type", "Required", "[]"),
                    Arguments.of("  \n ", "invalid_type", "Required", "[]"),
                    Arguments.of("{}", "invalid_union", "Expected either message and actor, or messages", "[]"),
                    Arguments.of("{\"text\": \"hi\"}", "invalid_union", "Expected either message and actor, or messages", "[]"),
                    Arguments.of("{\"message\": \"hi\", \"actor\": \"user\", \"messages\": []}",
                            "invalid_union", "Expected either message and actor, or messages, not both", "[]"),
                    Arguments.of("{\"actor\": \"user\", \"messages\": []}",
                            "invalid_union", "Expected either message and actor, or messages, not both", "[]"),
                    Arguments.of("{\"actor\": \"user\"}", "invalid_type", "Required", "[\"message\"]"),
                    Arguments.of("{\"message\": null, \"actor\": \"user\"}", "invalid_type", "Expected string, received null", "[\"message\"]"),
                    Arguments.of("{\"message\": \"hi\", \"actor\": 1}", "invalid_type", "Expected string, received number", "[\"actor\"]"),
                    Arguments.of("{\"message\": \"hi\", \"actor\": false}", "invalid_type", "Expected string, received boolean", "[\"actor\"]"),
                    Arguments.of("{\"message\": {}, \"actor\": \"user\"}", "invalid_type", "Expected string, received object", "[\"message\"]"),
                    Arguments.of("{\"messages\": {}}", "invalid_type", "Expected array, received object", "[\"messages\"]"),
                    Arguments.of("{\"messages\": \"hi\"}", "invalid_type", "Expected array, received string", "[\"messages\"]"),
                    Arguments.of("{\"messages\": null}", "invalid_type", "Expected array, received null", "[\"messages\"]"),
                    Arguments.of("{\"messages\": [[]]}", "invalid_type", "Expected object, received array", "[\"messages\", 0]"),
                    Arguments.of("{\"messages\": [{\"role\": \"user\"}]}", "invalid_type", "Required", "[\"messages\", 0, \"content\"]"),
                    Arguments.of("{\"messages\": [{\"content\": \"hi\", \"role\": 1e999}]}",
                            "invalid_type", "Expected string, received number", "[\"messages\", 0, \"role\"]"));
        }

        @ParameterizedTest
        @MethodSource("wrongShapes")
        void reportsOneIssue(String requestBody, String code, String message, String path) {
            Response response = post(requestBody);

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = body(response);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(message | messages).");
            assertThat(body.at("/data/issues")).containsExactly(issue(code, message, path));
            verifyNoInteractions(createMessages);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"message\": \"hi\", \"actor\": \"user\"",
            "{\"message\": \"hi\", \"actor\": \"user\"} trailing",
            "{\"message\": \"hi\", \"actor\": \"user\"}{}",
            "{\"message\": \"hi\", \"message\": \"again\", \"actor\": \"user\"}",
            "{\"messages\": [{\"content\": \"a\", \"content\": \"b\", \"role\": \"user\"}]}",
            "{'message': 'hi', 'actor': 'user'}",
            "{\"message\": \"hi\", \"actor\": \"user\",}",
            "{\"message\": \"unterminated, \"actor\": \"user\"}",
            "{\"message\": NaN, \"actor\": \"user\"}",
            "{\"message\": \"bad escape \\x\", \"actor\": \"user\"}"
        })
        void reportsMalformedJsonWithoutParserInternals(String requestBody) {
            Response response = post(requestBody);

            assertThat(response.getStatus()).isEqualTo(400);
            String text = response.readEntity(String.class);
            JsonNode issue = json(text).at("/data/issues/0");
            assertThat(issue.get("code").textValue()).isEqualTo("custom");
            assertThat(issue.get("message").textValue()).startsWith("Invalid JSON");
            assertThat(issue.get("path")).isEmpty();
            // Jackson's own messages name its classes and quote the input, or mark the quote REDACTED.
            assertThat(text).doesNotContainIgnoringCase("jackson").doesNotContain("Exception").doesNotContain("Source")
                    .doesNotContain("REDACTED").doesNotContain("hi\\\"");
            verifyNoInteractions(createMessages);
        }

        @Test
        void refusesDeepNesting() {
            String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);

            Response response = post("{\"message\": \"hi\", \"actor\": \"user\", \"extra\": " + deep + "}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).at("/data/issues/0/message").textValue()).isEqualTo("Invalid JSON: nested too deeply or a value is too long");
            verifyNoInteractions(createMessages);
        }

        @Test
        void refusesBytesThatAreNotUtf8() {
            byte[] latin1 = "{\"message\": \"caf\u00e9\", \"actor\": \"user\"}".getBytes(StandardCharsets.ISO_8859_1);

            Response response = authenticated(MESSAGES_OF_CHAT_123).post(Entity.entity(latin1, MediaType.APPLICATION_JSON_TYPE));

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).at("/data/issues/0/code").textValue()).isEqualTo("custom");
            verifyNoInteractions(createMessages);
        }

        @Test
        void reportsAtMostOneHundredIssues() {
            Response response = post("{\"messages\": [" + String.join(",", Collections.nCopies(1000, "1")) + "]}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).at("/data/issues")).hasSize(100);
            verifyNoInteractions(createMessages);
        }
    }

    @Nested
    class ReportingTheApplicationsViolations {
        @Test
        void placesViolationsOfABatchUnderMessages() {
            when(createMessages.create(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.beyond(InputPath.of(InputField.MESSAGES), Kind.TOO_MANY, 1000),
                    Violation.beyond(InputPath.of(2, InputField.CONTENT), Kind.TOO_LONG, 100_000),
                    Violation.notOneOf(InputPath.of(0, InputField.ROLE), ROLES, "robot"),
                    Violation.of(InputPath.of(1, InputField.CONTENT), Kind.BLANK),
                    Violation.beyond(InputPath.of(3, InputField.CONTENT), Kind.TOO_SHORT, 1))));

            Response response = post(fixture("batch-request.json"));

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-batch-violations.json"));
        }

        @Test
        void namesTheFieldsOfASingleBody() {
            when(createMessages.create(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.of(InputPath.of(0, InputField.CONTENT), Kind.CONTAINS_NUL),
                    Violation.notOneOf(InputPath.of(0, InputField.ROLE), ROLES, "User"))));

            Response response = post("{\"message\": \"a\\u0000b\", \"actor\": \"User\"}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-single-violations.json"));
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123), List.of(new MessageInput("a\u0000b", "User"))));
        }

        @Test
        void placesAViolationWhereTheBodyOfEachFormHasTheField() {
            when(createMessages.create(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.notOneOf(InputPath.of(0, InputField.ROLE), ROLES, "robot"))));

            Response single = post(fixture("single-request.json"));
            Response batch = post(fixture("batch-request.json"));

            JsonNode singleBody = body(single);
            assertThat(single.getStatus()).isEqualTo(400);
            assertThat(singleBody.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid body(message | messages).");
            assertThat(singleBody.at("/data/issues/0/path")).isEqualTo(json("[\"actor\"]"));
            assertThat(batch.getStatus()).isEqualTo(400);
            assertThat(body(batch).at("/data/issues/0/path")).isEqualTo(json("[\"messages\", 0, \"role\"]"));
        }

        @Test
        void passesLoneSurrogatesToTheApplicationToJudge() {
            when(createMessages.create(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.of(InputPath.of(0, InputField.CONTENT), Kind.INVALID_UNICODE))));

            Response response = post("{\"message\": \"\\uD800 alone\", \"actor\": \"user\"}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).at("/data/issues/0/path")).isEqualTo(json("[\"message\"]"));
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(123), List.of(new MessageInput("\uD800 alone", "user"))));
        }
    }

    @Nested
    class ReadingThePath {
        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "abc", "1.5", "1e3", "+5", "0x10", " 1", "9223372036854775808", "99999999999999999999999"})
        void refusesAChatIdThatIsNotAPositiveLong(String chatId) {
            Response response = post("/api/users/ada/chats/{chat}/messages".replace("{chat}", encode(chatId)), fixture("single-request.json"));

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-chat-id.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void acceptsTheLargestChatId() {
            when(createMessages.create(any())).thenThrow(new ChatNotFoundException());

            post("/api/users/ada/chats/9223372036854775807/messages", fixture("single-request.json"));

            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, new ChatId(Long.MAX_VALUE),
                    List.of(new MessageInput("Hello, how can I help?", "assistant"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"%20", "%00", "a%0Ab", "%09"})
        void answersNotFoundForAUserIdNoUserCanHave(String encodedUserId) {
            Response response = post("/api/users/" + encodedUserId + "/chats/123/messages", fixture("single-request.json"));

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void answersNotFoundForATooLongUserId() {
            Response response = post("/api/users/" + "u".repeat(256) + "/chats/123/messages", fixture("single-request.json"));

            assertThat(response.getStatus()).isEqualTo(404);
            verifyNoInteractions(createMessages);
        }

        @Test
        void answersNotFoundWhenTheApplicationFindsNoSuchChat() {
            when(createMessages.create(any())).thenThrow(new ChatNotFoundException());

            Response response = post(fixture("single-request.json"));

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    @Nested
    class Authenticating {
        @Test
        void refusesARequestWithoutCookie() {
            Response response = resource.target(MESSAGES_OF_CHAT_123).request()
                    .post(Entity.json(fixture("single-request.json")));

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
            assertThat(body(response)).isEqualTo(jsonFixture("error-401.json"));
            verifyNoInteractions(createMessages);
        }

        @ParameterizedTest
        @ValueSource(strings = {"unknown-token", "\"\"", "ada-session-token-but-longer"})
        void refusesAnUnknownSession(String token) {
            Response response = resource.target(MESSAGES_OF_CHAT_123).request().cookie(COOKIE, token)
                    .post(Entity.json(fixture("single-request.json")));

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(body(response)).isEqualTo(jsonFixture("error-401.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void readsOnlyTheConfiguredCookie() {
            Response response = resource.target(MESSAGES_OF_CHAT_123).request().cookie("session", SESSION)
                    .post(Entity.json(fixture("single-request.json")));

            assertThat(response.getStatus()).isEqualTo(401);
        }

        @Test
        void checksTheSessionBeforeTheBody() {
            Response response = resource.target(MESSAGES_OF_CHAT_123).request().post(Entity.json("{"));

            assertThat(response.getStatus()).isEqualTo(401);
        }

        @Test
        void answersServerErrorWhenTheSessionCannotBeChecked() {
            try (var log = LogCapture.of(LogCapture.UNEXPECTED_ERRORS)) {
                Response response = resource.target(MESSAGES_OF_CHAT_123).request().cookie(COOKIE, BROKEN_SESSION)
                        .post(Entity.json(fixture("single-request.json")));

                assertThat(response.getStatus()).isEqualTo(500);
                assertThat(response.readEntity(String.class)).doesNotContain("jdbc").doesNotContain(BROKEN_SESSION);
                assertThat(log.events()).singleElement().satisfies(event ->
                        assertThat(event.getFormattedMessage()).doesNotContain(BROKEN_SESSION));
                verifyNoInteractions(createMessages);
            }
        }
    }

    @Nested
    class Reading {
        private final List<ChatMessage> page = List.of(aMessage(4, CHAT, "What is Python?", Actor.USER),
                aMessage(5, CHAT, "Python is a programming language...", Actor.ASSISTANT));

        @Test
        void readsTheFirstPageWithTheDefaultLimitAndNoLinkWhenItIsTheLast() {
            when(readMessages.read(any())).thenReturn(new MessagePage(page, Optional.empty(), 5));

            Response response = authenticated(MESSAGES_OF_CHAT_123).get();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(jsonFixture("messages-page-response.json"));
            assertThat(response.getHeaderString("Link")).isNull();
            verify(readMessages).read(new ReadMessagesCommand(ADA, ADA, new ChatId(123), 0, OptionalInt.empty()));
        }

        @Test
        void linksTheNextPageWhenMoreFollow() {
            var next = new ReadMessagesCommand(ADA, ADA, new ChatId(123), 5, OptionalInt.of(2));
            when(readMessages.read(any())).thenReturn(new MessagePage(page, Optional.of(next), 9));

            Response response = authenticated(MESSAGES_OF_CHAT_123, "after=3&limit=2").get();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString("Link")).isEqualTo("</api/users/ada/chats/123/messages?after=5&limit=2>; rel=\"next\"");
            verify(readMessages).read(new ReadMessagesCommand(ADA, ADA, new ChatId(123), 3, OptionalInt.of(2)));
        }

        @Test
        void encodesTheUserIdInTheLink() {
            var odd = new UserId("ä b/c?d#e%f");
            var next = new ReadMessagesCommand(odd, odd, new ChatId(9), 5, OptionalInt.of(100));
            when(readMessages.read(any())).thenReturn(new MessagePage(page, Optional.of(next), 9));

            Response response = authenticated("/api/users/ada/chats/9/messages").get();

            assertThat(response.getHeaderString("Link"))
                    .isEqualTo("</api/users/%C3%A4%20b%2Fc%3Fd%23e%25f/chats/9/messages?after=5&limit=100>; rel=\"next\"");
        }

        @Test
        void passesLimitsBeyondTheIntRangeOnAsOutOfBounds() {
            when(readMessages.read(any())).thenReturn(new MessagePage(List.of(), Optional.empty(), 0));

            authenticated(MESSAGES_OF_CHAT_123, "limit=5000000000").get();
            authenticated(MESSAGES_OF_CHAT_123, "limit=-5000000000").get();

            verify(readMessages).read(new ReadMessagesCommand(ADA, ADA, new ChatId(123), 0, OptionalInt.of(Integer.MAX_VALUE)));
            verify(readMessages).read(new ReadMessagesCommand(ADA, ADA, new ChatId(123), 0, OptionalInt.of(Integer.MIN_VALUE)));
        }

        static Stream<Arguments> malformedQueries() {
            return Stream.of(
                    Arguments.of("after=abc", "invalid_type", "Expected integer, received string", "after"),
                    Arguments.of("after=1.5", "invalid_type", "Expected integer, received string", "after"),
                    Arguments.of("after=", "invalid_type", "Expected integer, received string", "after"),
                    Arguments.of("after=%2B5", "invalid_type", "Expected integer, received string", "after"),
                    Arguments.of("after=1e3", "invalid_type", "Expected integer, received string", "after"),
                    Arguments.of("limit=ten", "invalid_type", "Expected integer, received string", "limit"),
                    Arguments.of("limit=%2010", "invalid_type", "Expected integer, received string", "limit"),
                    Arguments.of("after=9223372036854775808", "too_big", "Number must be less than or equal to 9223372036854775807", "after"),
                    Arguments.of("limit=" + "9".repeat(400), "too_big", "Number must be less than or equal to 9223372036854775807", "limit"),
                    Arguments.of("after=-9223372036854775809", "too_small",
                            "Number must be greater than or equal to -9223372036854775808", "after"),
                    Arguments.of("limit=1&limit=2", "custom", "Expected a single value", "limit"),
                    Arguments.of("limit=" + "9".repeat(2000), "invalid_type", "Expected integer, received string", "limit"));
        }

        @ParameterizedTest
        @MethodSource("malformedQueries")
        void refusesAMalformedCursorOrLimitWithoutAskingTheApplication(String query, String code, String message, String parameter) {
            Response response = authenticated(MESSAGES_OF_CHAT_123, query).get();

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = body(response);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid query(after, limit).");
            assertThat(body.at("/data/issues")).containsExactly(issue(code, message, "[\"" + parameter + "\"]"));
            verifyNoInteractions(readMessages);
        }

        @Test
        void reportsTheApplicationsViolationsAtTheParameters() {
            when(readMessages.read(any())).thenThrow(new InvalidInputException(List.of(
                    Violation.beyond(InputPath.of(InputField.AFTER), Kind.TOO_LOW, 0),
                    Violation.beyond(InputPath.of(InputField.LIMIT), Kind.TOO_HIGH, 1000))));

            Response response = authenticated(MESSAGES_OF_CHAT_123, "after=-1&limit=1001").get();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-page-query.json"));
        }

        @Test
        void answersNotFoundForAChatThatIsNotTheRequesters() {
            when(readMessages.read(any())).thenThrow(new ChatNotFoundException());

            Response response = authenticated("/api/users/bob/chats/7/messages").get();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verify(readMessages).read(new ReadMessagesCommand(ADA, BOB, new ChatId(7), 0, OptionalInt.empty()));
        }

        @Test
        void refusesABadChatIdBeforeTheQuery() {
            Response response = authenticated("/api/users/ada/chats/0/messages", "limit=x").get();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).isEqualTo(jsonFixture("error-400-chat-id.json"));
            verifyNoInteractions(readMessages);
        }

        @Test
        void requiresASession() {
            Response response = resource.target(MESSAGES_OF_CHAT_123).request().get();

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(body(response)).isEqualTo(jsonFixture("error-401.json"));
            verifyNoInteractions(readMessages);
        }
    }

    @Nested
    class RemovingTheLastMessage {
        private static final String LAST_OF_CHAT_123 = "/api/users/ada/chats/123/messages/last";

        @Test
        void removesTheNewestMessageAndAnswersWithIt() {
            when(removeLastMessage.remove(any())).thenReturn(aMessage(1, CHAT, "Hello, how can I help?", Actor.ASSISTANT));

            Response response = authenticated(LAST_OF_CHAT_123).delete();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body(response)).isEqualTo(jsonFixture("single-response.json"));
            verify(removeLastMessage).remove(new RemoveLastMessageCommand(ADA, ADA, new ChatId(123)));
        }

        @Test
        void answersNotFoundWithItsOwnMessageWhenTheChatIsEmpty() {
            when(removeLastMessage.remove(any())).thenThrow(new ChatHasNoMessagesException());

            Response response = authenticated(LAST_OF_CHAT_123).delete();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-no-messages.json"));
        }

        @Test
        void answersNotFoundForSomeoneElsesChat() {
            when(removeLastMessage.remove(any())).thenThrow(new ChatNotFoundException());

            Response response = authenticated("/api/users/bob/chats/7/messages/last").delete();

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-chat.json"));
            verify(removeLastMessage).remove(new RemoveLastMessageCommand(ADA, BOB, new ChatId(7)));
        }

        @Test
        void allowsOnlyDelete() {
            Response response = authenticated(LAST_OF_CHAT_123).get();

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("DELETE");
            verifyNoInteractions(removeLastMessage);
        }
    }

    @Nested
    class AnsweringHttpErrorsInTheEnvelope {
        @Test
        void unknownRoute() {
            Response response = resource.target("/api/users/ada/chats/123/attachments").request().cookie(COOKIE, SESSION)
                    .post(Entity.json("{}"));

            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
            assertThat(body(response)).isEqualTo(jsonFixture("error-404-route.json"));
        }

        @Test
        void wrongMethod() {
            Response response = authenticated(MESSAGES_OF_CHAT_123).put(Entity.json("{}"));

            assertThat(response.getStatus()).isEqualTo(405);
            assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("POST").contains("GET");
            assertThat(body(response)).isEqualTo(jsonFixture("error-405.json"));
        }

        @Test
        void bodyThatIsNotJson() {
            Response response = authenticated(MESSAGES_OF_CHAT_123).post(Entity.text("hello"));

            assertThat(response.getStatus()).isEqualTo(415);
            assertThat(body(response)).isEqualTo(jsonFixture("error-415.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void bodyWithoutContentType() {
            Response response = authenticated(MESSAGES_OF_CHAT_123).post(null);

            assertThat(response.getStatus()).isEqualTo(415);
            assertThat(body(response)).isEqualTo(jsonFixture("error-415.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void bodyDeclaredLargerThanTheLimit() {
            Response response = authenticated(MESSAGES_OF_CHAT_123)
                    .header(HttpHeaders.CONTENT_LENGTH, MAX_BODY_BYTES + 1)
                    .post(Entity.json(fixture("single-request.json")));

            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(body(response)).isEqualTo(jsonFixture("error-413.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void bodyLargerThanTheLimitWithoutLength() {
            byte[] large = ("{\"message\": \"" + "x".repeat((int) MAX_BODY_BYTES) + "\", \"actor\": \"user\"}").getBytes(StandardCharsets.UTF_8);

            Response response = authenticated(MESSAGES_OF_CHAT_123)
                    .post(Entity.entity(new ByteArrayInputStream(large), MediaType.APPLICATION_JSON_TYPE));

            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(body(response)).isEqualTo(jsonFixture("error-413.json"));
            verifyNoInteractions(createMessages);
        }

        @Test
        void bodyExactlyAtTheLimit() {
            when(createMessages.create(any())).thenReturn(List.of(aMessage(1, CHAT, "x", Actor.USER)));
            String prefix = "{\"message\": \"";
            String suffix = "\", \"actor\": \"user\"}";
            String exact = prefix + "x".repeat((int) MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;

            Response response = post(exact);

            assertThat(response.getStatus()).isEqualTo(200);
        }

        @Test
        void unexpectedFailureWithAnErrorIdAndNoInternals() {
            when(createMessages.create(any())).thenThrow(new IllegalStateException("SELECT * FROM chat_message failed"));
            var log = LogCapture.of(LogCapture.UNEXPECTED_ERRORS);
            Response response;
            try (log) {
                response = post(fixture("single-request.json"));
            }

            assertThat(response.getStatus()).isEqualTo(500);
            String text = response.readEntity(String.class);
            JsonNode body = json(text);
            String errorId = body.at("/data/errorId").textValue();
            assertThat(body.get("statusCode").intValue()).isEqualTo(500);
            assertThat(body.get("statusMessage").textValue()).isEqualTo("Internal Server Error");
            assertThat(errorId).matches("[0-9a-f-]{36}");
            assertThat(body.get("message").textValue()).contains(errorId);
            assertThat(text).doesNotContain("SELECT").doesNotContain("IllegalState").doesNotContain("neptun.chat")
                    .doesNotContain("\tat ");
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains(errorId);
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("SELECT * FROM chat_message failed");
            });
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

    private static Response post(String body) {
        return post(MESSAGES_OF_CHAT_123, body);
    }

    private static Response post(String path, String body) {
        return authenticated(path).post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private static JsonNode body(Response response) {
        return json(response.readEntity(String.class));
    }

    private static JsonNode issue(String code, String message, String path) {
        return json("{\"code\": \"" + code + "\", \"message\": \"" + message + "\", \"path\": " + path + "}");
    }
}
