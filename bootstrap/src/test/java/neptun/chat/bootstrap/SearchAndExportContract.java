package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Test;

/**
 * Searching and exporting over HTTP against the running application, on the database a subclass starts it with.
 * Search pages hold 2 hits by default.
 */
abstract class SearchAndExportContract {
    abstract int port();

    abstract UseCases core();

    /** A newly registered user with a session: every test works with users of its own. */
    record User(String id, String cookie) {
        String search(String query) {
            return "/api/users/" + id + "/messages/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
        }

        String export(long chat) {
            return "/api/users/" + id + "/chats/" + chat + "/export";
        }
    }

    User newUser() {
        var user = new UserId("user-" + UUID.randomUUID());
        core().registerUser().register(user);
        return new User(user.value(), core().issueSession().issue(user, Duration.ofDays(1)).token().value());
    }

    long chatOf(User user, String name) {
        return core().createChat().create(CreateChatCommand.of(new UserId(user.id()), name)).id().value();
    }

    List<Long> post(User user, long chat, String... contents) {
        List<MessageInput> inputs = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            inputs.add(new MessageInput(contents[i], i % 2 == 0 ? "user" : "assistant"));
        }
        return core().createMessages().create(CreateMessagesCommand.of(new UserId(user.id()), new ChatId(chat), inputs)).stream()
                .map(m -> m.id().value()).toList();
    }

    static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.get("results").forEach(hit -> ids.add(hit.at("/message/id").asLong()));
        return ids;
    }

    @Test
    void findsTheUsersMessagesAcrossChatsWithSafeSnippets() {
        var ada = newUser();
        long travel = chatOf(ada, "Travel <plans>");
        long work = chatOf(ada, "Work");
        var inTravel = post(ada, travel, "Is <script>alert(1)</script> allowed in Kyoto?");
        var inWork = post(ada, work, "Meeting about kyoto office");
        post(ada, work, "Nothing to see");
        var http = new Http(port());

        var reply = http.get(ada.search("kyoto") + "&limit=10", ada.cookie());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(ids(reply.json())).containsExactlyInAnyOrder(inTravel.get(0), inWork.get(0));
        JsonNode hit = findHit(reply.json(), inTravel.get(0));
        assertThat(hit.get("chat_id").asLong()).isEqualTo(travel);
        assertThat(hit.get("chat_name").asText()).isEqualTo("Travel <plans>");
        assertThat(hit.get("snippet").asText()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<mark>Kyoto</mark>")
                .doesNotContain("<script>");
        assertThat(hit.at("/message/message").asText()).isEqualTo("Is <script>alert(1)</script> allowed in Kyoto?");
    }

    private static JsonNode findHit(JsonNode body, long id) {
        for (JsonNode hit : body.get("results")) {
            if (hit.at("/message/id").asLong() == id) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + body);
    }

    @Test
    void pagesThroughEveryHitByTheLinks() {
        var ada = newUser();
        long chat = chatOf(ada, "a chat");
        var stored = post(ada, chat, "miso one", "miso two miso", "miso three", "miso four miso miso", "miso five");
        var http = new Http(port());

        List<Long> seen = new ArrayList<>();
        String next = ada.search("miso");
        int pages = 0;
        while (next != null) {
            var reply = http.get(next, ada.cookie());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            seen.addAll(ids(reply.json()));
            next = reply.nextLink().orElse(null);
            assertThat(++pages).isLessThanOrEqualTo(3);
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void keepsToPhrasesExclusionsAndFilters() {
        var ada = newUser();
        long chat = chatOf(ada, "a chat");
        long other = chatOf(ada, "another");
        var ids = post(ada, chat, "green tea in Uji", "tea green and black", "green tea with milk");
        var elsewhere = post(ada, other, "green tea again");
        var http = new Http(port());

        assertThat(ids(http.get(ada.search("\"green tea\" -milk") + "&limit=10", ada.cookie()).json()))
                .containsExactlyInAnyOrder(ids.get(0), elsewhere.get(0));
        assertThat(ids(http.get(ada.search("\"green tea\"") + "&chat_id=" + chat + "&limit=10", ada.cookie()).json()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(ids(http.get(ada.search("green") + "&actor=assistant&limit=10", ada.cookie()).json()))
                .containsExactly(ids.get(1));
        assertThat(ids(http.get(ada.search("green") + "&since=2000-01-01T00:00:00Z&until=2001-01-01T00:00:00Z", ada.cookie()).json()))
                .isEmpty();
    }

    @Test
    void neverAnswersWithAnotherUsersOrADeletedChatsMessages() {
        var ada = newUser();
        var bob = newUser();
        long deleted = chatOf(ada, "to delete");
        post(ada, deleted, "wasabi in a deleted chat");
        post(bob, chatOf(bob, "bob's"), "wasabi of bob");
        core().deleteChat().delete(DeleteChatCommand.of(new UserId(ada.id()), new ChatId(deleted)));
        var http = new Http(port());

        var own = http.get(ada.search("wasabi"), ada.cookie());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("results")).isEmpty();
        var foreign = http.get("/api/users/" + bob.id() + "/messages/search?q=wasabi", ada.cookie());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("statusMessage").asText()).isEqualTo("Chat or user not found");
    }

    @Test
    void refusesMissingEmptyTooLongAndWordlessQueriesWithTheEnvelope() {
        var ada = newUser();
        var http = new Http(port());
        for (String path : List.of("/api/users/" + ada.id() + "/messages/search", ada.search(""), ada.search("x".repeat(1_001)),
                ada.search("&|!:*()'"), ada.search("-only"), ada.search("a") + "&limit=0")) {
            var reply = http.get(path, ada.cookie());
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("statusMessage").asText())
                    .isEqualTo("Bad Request. Invalid query(actor, after, chat_id, limit, q, since, until).");
        }
        var odd = http.get(ada.search("\"unbalanced 'quote & | ! : * ( )"), ada.cookie());
        assertThat(odd.status()).as(odd.body()).isEqualTo(200);
    }

    @Test
    void exportsAChatAsJsonLinesAndMarkdownStreamed() {
        var ada = newUser();
        long chat = chatOf(ada, "Export me");
        post(ada, chat, "first \"line\"\nsecond", "an answer");
        var http = new Http(port());

        var jsonl = http.get(ada.export(chat), ada.cookie());
        assertThat(jsonl.status()).as(jsonl.body()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"chat-" + chat + ".jsonl\"");
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Http.fieldNames(json(lines.get(0)))).containsExactly("role", "content", "id", "created_at");
        assertThat(json(lines.get(0)).get("content").asText()).isEqualTo("first \"line\"\nsecond");
        assertThat(json(lines.get(1)).get("role").asText()).isEqualTo("assistant");

        var markdown = http.get(ada.export(chat) + "?format=markdown", ada.cookie());
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).startsWith("# Export me\n\n## user · ").contains("\n\nfirst \"line\"\nsecond\n\n## assistant · ");

        var foreign = http.get("/api/users/" + newUser().id() + "/chats/" + chat + "/export", ada.cookie());
        assertThat(foreign.status()).isEqualTo(404);
        var notMine = newUser();
        assertThat(http.get(notMine.export(chat), notMine.cookie()).status()).isEqualTo(404);
    }

    static JsonNode json(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
