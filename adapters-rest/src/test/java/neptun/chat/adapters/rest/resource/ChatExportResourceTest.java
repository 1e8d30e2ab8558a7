package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.RestTestSupport.COOKIE;
import static neptun.chat.adapters.rest.RestTestSupport.SESSION;
import static neptun.chat.adapters.rest.RestTestSupport.json;
import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import neptun.chat.adapters.rest.ResourceContainers;
import neptun.chat.adapters.rest.RestTestSupport;
import neptun.chat.application.port.out.LoadMessagesPort.StoredPage;
import neptun.chat.application.service.ExportChatService;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The export route over the real use case: chat 123 of Ada, "Trip\nto Tokyo", holds 600 messages (more than two pages). */
@ExtendWith(ResourceContainers.class)
class ChatExportResourceTest {
    private static final int MESSAGES = 600;
    private static final Chat CHAT = new Chat(new ChatId(123), ADA, "Trip\nto Tokyo", Optional.empty(), T0, T0);

    private static final ResourceExtension resource = RestTestSupport.resource(RestTestSupport.SETTINGS, RestTestSupport.useCases()
            .exportChat(new ExportChatService(
                    (owner, chat) -> owner.equals(ADA) && chat.equals(CHAT.id()) ? Optional.of(CHAT) : Optional.empty(),
                    (owner, chat, after, limit) -> Optional.of(new StoredPage(LongStream.rangeClosed(after + 1, Math.min(MESSAGES, after + limit))
                            .mapToObj(ChatExportResourceTest::message).toList(), MESSAGES))))
            .build());

    private static ChatMessage message(long id) {
        Actor actor = Actor.values()[(int) (id % 3)];
        return new ChatMessage(new MessageId(id), CHAT.id(), ADA, new MessageContent("line " + id + "\n\"quoted\" é 😀"), actor, T0);
    }

    private static Response export(String chat, String... format) {
        var target = resource.target("/api/users/ada/chats/" + chat + "/export");
        for (String value : format) {
            target = target.queryParam("format", value);
        }
        return target.request().cookie(COOKIE, SESSION).get();
    }

    @Test
    void streamsEveryMessageAsAJsonLineImportReads() {
        Response response = export("123");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("application/x-ndjson;charset=utf-8");
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"chat-123.jsonl\"");
        String body = response.readEntity(String.class);
        assertThat(body).endsWith("}\n");
        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            JsonNode line = json(lines.get(i));
            ChatMessage expected = message(i + 1);
            assertThat(line.get("role").asText()).isEqualTo(expected.actor().wireName());
            assertThat(line.get("content").asText()).isEqualTo(expected.content().value());
            assertThat(line.get("id").asLong()).isEqualTo(i + 1);
            assertThat(line.get("created_at").asText()).isEqualTo("2026-03-20T10:00:00.123456Z");
        }
        assertThat(lines.get(0)).startsWith("{\"role\":");
    }

    @Test
    void writesMarkdownWithTheChatsNameAsHeadingAndASectionPerMessage() {
        Response response = export("123", "markdown");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("text/markdown;charset=utf-8");
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"chat-123.md\"");
        String body = response.readEntity(String.class);
        assertThat(body).startsWith("# Trip to Tokyo\n\n## assistant · 2026-03-20T10:00:00.123456Z\n\nline 1\n\"quoted\" é 😀\n\n## system · ");
        assertThat(body.lines().filter(line -> line.startsWith("## "))).hasSize(MESSAGES);
    }

    @Test
    void answers404BeforeStreamingForAChatThatIsNotTheUsers() {
        Response response = export("124");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeaderString("Content-Disposition")).isNull();
        assertThat(json(response.readEntity(String.class)).get("statusMessage").asText()).isEqualTo("Chat or user not found");
        assertThat(resource.target("/api/users/bob/chats/123/export").request().cookie(COOKIE, SESSION).get().getStatus()).isEqualTo(404);
        assertThat(resource.target("/api/users/ada/chats/123/export").request().get().getStatus()).isEqualTo(401);
    }

    @Test
    void refusesAnUnknownFormatOrChatId() {
        Response unknown = export("123", "pdf");
        assertThat(unknown.getStatus()).isEqualTo(400);
        JsonNode body = json(unknown.readEntity(String.class));
        assertThat(body.get("statusMessage").asText()).isEqualTo("Bad Request. Invalid query(format).");
        assertThat(body.at("/data/issues/0/code").asText()).isEqualTo("invalid_enum_value");
        assertThat(body.at("/data/issues/0/path/0").asText()).isEqualTo("format");

        assertThat(export("123", "jsonl", "markdown").getStatus()).isEqualTo(400);
        assertThat(json(export("x").readEntity(String.class)).get("statusMessage").asText()).isEqualTo("Bad Request. Invalid chat_id.");
    }

    @Test
    void answersInTheChosenFormatWhateverTheClientAccepts() {
        Response response = resource.target("/api/users/ada/chats/123/export").request("application/json").cookie(COOKIE, SESSION).get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class).lines()).hasSize(MESSAGES);
    }
}
