package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.aChatOwnedBy;
import static neptun.chat.domain.ChatFixtures.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.adapters.rest.json.StrictJson;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.Idempotency;
import neptun.chat.application.port.in.IdempotencyKeyInUseException;
import neptun.chat.application.port.in.IdempotencyKeyReusedException;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idempotency-Key, If-Match and ETag on the routes that write, with the use cases mocked. */
@ExtendWith(ResourceContainers.class)
class RetriesResourceTest {
    private static final String MESSAGES = "/api/users/ada/chats/123/messages";
    private static final Chat CHAT = aChatOwnedBy(ADA);
    private static final ChatId CHAT_ID = new ChatId(123);
    private static final IdempotencyKey KEY = new IdempotencyKey("8e03978e-40d5");
    private static final String BODY = "{\"message\": \"hi\", \"actor\": \"user\"}";
    private static final List<MessageInput> HI = List.of(new MessageInput("hi", "user"));
    private static final List<ChatMessage> STORED = List.of(aMessage(41, CHAT, "hi", Actor.USER));

    private static final CreateMessages createMessages = mock(CreateMessages.class);
    private static final ReadMessages readMessages = mock(ReadMessages.class);
    private static final RemoveLastMessage removeLastMessage = mock(RemoveLastMessage.class);
    private static final CreateChat createChat = mock(CreateChat.class);
    private static final RenameChat renameChat = mock(RenameChat.class);
    private static final DeleteChat deleteChat = mock(DeleteChat.class);
    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, RestTestSupport.useCases()
            .createMessages(createMessages).readMessages(readMessages).removeLastMessage(removeLastMessage)
            .createChat(createChat).renameChat(renameChat).deleteChat(deleteChat).build());

    @BeforeEach
    void forgetCalls() {
        reset(createMessages, readMessages, removeLastMessage, createChat, renameChat, deleteChat);
    }

    private static Idempotency idempotency(String method, String route, List<String> parameters, String body) {
        JsonNode json;
        try {
            json = body == null ? null : StrictJson.read(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Idempotency(KEY, RequestFingerprints.of(method, route, parameters, json));
    }

    private static final Idempotency POST_HI = idempotency("POST", "/api/users/{user_id}/chats/{chat_id}/messages", List.of("ada", "123"), BODY);

    @Nested
    class AppendingMessages {
        @Test
        void runsOnceUnderTheKeyWithTheRequestsFingerprint() {
            when(createMessages.createOnce(any())).thenReturn(Outcome.fresh(STORED));

            Response response = post(BODY, "Idempotency-Key", "8e03978e-40d5");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString("Idempotent-Replayed")).isNull();
            assertThat(response.getHeaderString("ETag")).isEqualTo("\"41\"");
            verify(createMessages).createOnce(new CreateMessagesCommand(ADA, ADA, CHAT_ID, HI, OptionalLong.empty(), Optional.of(POST_HI)));
            verify(createMessages, never()).create(any());
        }

        @Test
        void saysWhenTheAnswerIsAReplayAndAnswersTheSameBody() {
            when(createMessages.createOnce(any())).thenReturn(Outcome.fresh(STORED), Outcome.replayed(STORED));

            Response first = post(BODY, "Idempotency-Key", "8e03978e-40d5");
            Response repeat = post(BODY, "Idempotency-Key", "\"8e03978e-40d5\"");

            assertThat(repeat.getStatus()).isEqualTo(200);
            assertThat(repeat.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.getHeaderString("ETag")).isEqualTo("\"41\"");
            assertThat(repeat.readEntity(String.class)).isEqualTo(first.readEntity(String.class));
        }

        @Test
        void fingerprintsTheBodysValueNotItsSpelling() {
            when(createMessages.createOnce(any())).thenReturn(Outcome.fresh(STORED));

            post("{ \"actor\":\"user\",\n \"message\":\"\\u0068i\" }", "Idempotency-Key", "8e03978e-40d5");

            verify(createMessages).createOnce(new CreateMessagesCommand(ADA, ADA, CHAT_ID, HI, OptionalLong.empty(), Optional.of(POST_HI)));
        }

        @Test
        void runsAsBeforeWithoutAKeyAndTagsTheLastMessageStored() {
            when(createMessages.create(any())).thenReturn(List.of(aMessage(7, CHAT, "a", Actor.USER), aMessage(8, CHAT, "b", Actor.USER)));

            Response response = authenticated(MESSAGES).post(Entity.json("{\"messages\": [{\"content\": \"a\", \"role\": \"user\"},"
                    + " {\"content\": \"b\", \"role\": \"user\"}]}"));

            assertThat(response.getHeaderString("ETag")).isEqualTo("\"8\"");
            assertThat(response.getHeaderString("Idempotent-Replayed")).isNull();
            verify(createMessages, never()).createOnce(any());
        }

        @Test
        void passesIfMatchOnAsTheExpectedNewestMessage() {
            when(createMessages.create(any())).thenReturn(STORED);

            post(BODY, "If-Match", "\"40\"");
            post(BODY, "If-Match", "*");

            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, CHAT_ID, HI, OptionalLong.of(40), Optional.empty()));
            verify(createMessages).create(new CreateMessagesCommand(ADA, ADA, CHAT_ID, HI, OptionalLong.empty(), Optional.empty()));
        }

        @Test
        void answersAStaleIfMatchWith412AndTheChatsTag() {
            when(createMessages.create(any())).thenThrow(new LastMessageChangedException(44));

            Response response = post(BODY, "If-Match", "\"40\"");

            assertThat(response.getStatus()).isEqualTo(412);
            assertThat(response.getHeaderString("ETag")).isEqualTo("\"44\"");
            assertThat(body(response).get("statusMessage").textValue())
                    .isEqualTo("Precondition Failed. The chat's newest message is not the one If-Match names.");
        }

        @Test
        void answersAReusedKeyWith422AndAKeyInUseWith409() {
            when(createMessages.createOnce(any())).thenThrow(new IdempotencyKeyReusedException(), new IdempotencyKeyInUseException());

            Response reused = post(BODY, "Idempotency-Key", "k");
            Response inUse = post(BODY, "Idempotency-Key", "k");

            assertThat(reused.getStatus()).isEqualTo(422);
            assertThat(body(reused).get("statusMessage").textValue())
                    .isEqualTo("Unprocessable Content. The Idempotency-Key was used for another request.");
            assertThat(inUse.getStatus()).isEqualTo(409);
            assertThat(inUse.getHeaderString("Retry-After")).isEqualTo("1");
            assertThat(body(inUse).get("statusCode").intValue()).isEqualTo(409);
        }

        @Test
        void refusesAMalformedKeyOrTagNamingTheHeaderAndCallsNothing() {
            Response badKey = post(BODY, "Idempotency-Key", "has space");
            Response badTag = post(BODY, "If-Match", "W/\"40\"");

            assertThat(badKey.getStatus()).isEqualTo(400);
            assertThat(body(badKey)).isEqualTo(json("""
                    {"statusCode": 400, "statusMessage": "Bad Request. Invalid header(Idempotency-Key).",
                     "data": {"issues": [{"code": "custom", "message": "Must consist of visible ASCII characters (! to ~), without spaces",
                                          "path": ["Idempotency-Key"]}]}}"""));
            assertThat(badTag.getStatus()).isEqualTo(400);
            JsonNode tagRefusal = body(badTag);
            assertThat(tagRefusal.get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid header(If-Match).");
            assertThat(tagRefusal.at("/data/issues/0/path/0").textValue()).isEqualTo("If-Match");
            verifyNoInteractions(createMessages);
        }

        private Response post(String body, String header, String value) {
            return authenticated(MESSAGES).header(header, value).post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
        }
    }

    @Nested
    class Reading {
        @Test
        void tagsThePageWithTheChatsNewestMessage() {
            when(readMessages.read(any())).thenReturn(new MessagePage(STORED, Optional.empty(), 57));
            assertThat(authenticated(MESSAGES).get().getHeaderString("ETag")).isEqualTo("\"57\"");
        }

        @Test
        void tagsAnEmptyChatWithZero() {
            when(readMessages.read(any())).thenReturn(new MessagePage(List.of(), Optional.empty(), 0));
            assertThat(authenticated(MESSAGES).get().getHeaderString("ETag")).isEqualTo("\"0\"");
        }
    }

    @Nested
    class RemovingTheLastMessage {
        @Test
        void runsOnceUnderTheKeyAndSaysWhenItReplays() {
            when(removeLastMessage.removeOnce(any())).thenReturn(Outcome.replayed(STORED.get(0)));

            Response response = authenticated(MESSAGES + "/last").header("Idempotency-Key", "8e03978e-40d5").header("If-Match", "\"41\"").delete();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
            verify(removeLastMessage).removeOnce(new RemoveLastMessageCommand(ADA, ADA, CHAT_ID, OptionalLong.of(41),
                    Optional.of(idempotency("DELETE", "/api/users/{user_id}/chats/{chat_id}/messages/last", List.of("ada", "123"), null))));
        }

        @Test
        void runsAsBeforeWithoutHeaders() {
            when(removeLastMessage.remove(any())).thenReturn(STORED.get(0));

            assertThat(authenticated(MESSAGES + "/last").delete().getStatus()).isEqualTo(200);
            verify(removeLastMessage).remove(new RemoveLastMessageCommand(ADA, ADA, CHAT_ID));
        }
    }

    @Nested
    class WritingChats {
        private static final String CHAT_BODY = "{\"name\": \"Trip\"}";

        @Test
        void createsRenamesAndDeletesOnceUnderTheirKeys() {
            when(createChat.createOnce(any())).thenReturn(Outcome.replayed(CHAT));
            when(renameChat.renameOnce(any())).thenReturn(Outcome.fresh(CHAT));
            when(deleteChat.deleteOnce(any())).thenReturn(Outcome.replayed(CHAT));

            Response created = authenticated("/api/users/ada/chats").header("Idempotency-Key", "c").post(Entity.json(CHAT_BODY));
            Response renamed = authenticated("/api/users/ada/chats/123").header("Idempotency-Key", "r")
                    .method("PATCH", Entity.json(CHAT_BODY));
            Response deleted = authenticated("/api/users/ada/chats/123").header("Idempotency-Key", "d").delete();

            assertThat(List.of(created.getStatus(), renamed.getStatus(), deleted.getStatus())).containsOnly(200);
            assertThat(created.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
            assertThat(renamed.getHeaderString("Idempotent-Replayed")).isNull();
            assertThat(deleted.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
            verify(createChat).createOnce(new CreateChatCommand(ADA, ADA, "Trip", Optional.empty(), Optional.of(new Idempotency(
                    new IdempotencyKey("c"), idempotency("POST", "/api/users/{user_id}/chats", List.of("ada"), CHAT_BODY).fingerprint()))));
            verify(renameChat).renameOnce(new RenameChatCommand(ADA, ADA, CHAT_ID, "Trip", Optional.empty(), Optional.of(new Idempotency(
                    new IdempotencyKey("r"),
                    idempotency("PATCH", "/api/users/{user_id}/chats/{chat_id}", List.of("ada", "123"), CHAT_BODY).fingerprint()))));
            verify(deleteChat).deleteOnce(new DeleteChatCommand(ADA, ADA, CHAT_ID, Optional.of(new Idempotency(
                    new IdempotencyKey("d"), idempotency("DELETE", "/api/users/{user_id}/chats/{chat_id}", List.of("ada", "123"), null).fingerprint()))));
        }

        @Test
        void runAsBeforeWithoutAKey() {
            when(createChat.create(any())).thenReturn(CHAT);

            authenticated("/api/users/ada/chats").post(Entity.json(CHAT_BODY));

            verify(createChat).create(new CreateChatCommand(ADA, ADA, "Trip", Optional.empty()));
            verify(createChat, never()).createOnce(any());
        }

        @Test
        void refuseAMalformedKey() {
            Response response = authenticated("/api/users/ada/chats/123").header("Idempotency-Key", "").delete();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).get("statusMessage").textValue()).isEqualTo("Bad Request. Invalid header(Idempotency-Key).");
            verifyNoInteractions(deleteChat);
        }
    }

    private static Invocation.Builder authenticated(String path) {
        return resource.target(path).request().cookie(COOKIE, SESSION);
    }

    private static JsonNode body(Response response) {
        return json(response.readEntity(String.class));
    }
}
