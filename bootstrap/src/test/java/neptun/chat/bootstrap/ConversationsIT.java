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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import neptun.chat.bootstrap.wiring.ChatConfiguration;

/**
 * Creating, listing, renaming and deleting chats, and reading and removing messages, over HTTP against
 * the running application on a fresh PostgreSQL database. Pages hold 3 messages by default and 5 at most.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConversationsIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    private static final int MAX_BODY_BYTES = 16 * 1024;

    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB,
            ConfigOverride.config("sessions.cacheTtl", "0s"),
            ConfigOverride.config("messages.maxBodySize", MAX_BODY_BYTES + "B"),
            ConfigOverride.config("pages.defaultLimit", "3"),
            ConfigOverride.config("pages.maxLimit", "5"));

    private static Jdbi jdbi;
    private static UseCases core;
    private Http http;

    @BeforeAll
    static void provision() {
        jdbi = TestApp.jdbi(DB);
        core = TestApp.core(jdbi);
    }

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @BeforeEach
    void client() {
        http = new Http(APP.getLocalPort());
    }

    /** A newly registered user with a session: every test works with users of its own. */
    private record User(String id, String cookie) {
        String chatsPath() {
            return "/api/users/" + encoded(id) + "/chats";
        }

        String messagesOf(long chat) {
            return chatPath(chat) + "/messages";
        }

        String chatPath(long chat) {
            return chatsPath() + "/" + chat;
        }
    }

    private static User newUser() {
        return newUser("user-" + UUID.randomUUID());
    }

    private static User newUser(String id) {
        var user = new UserId(id);
        core.registerUser().register(user);
        return new User(id, core.issueSession().issue(user, Duration.ofDays(1)).token().value());
    }

    private static long chatOf(User user, String name) {
        return core.createChat().create(CreateChatCommand.of(new UserId(user.id()), name)).id().value();
    }

    /** Posts {@code count} messages named {@code m1} ... to the chat; @return their ids in order. */
    private List<Long> postMessages(User user, long chat, int count) {
        var body = new StringBuilder("{\"messages\": [");
        for (int i = 1; i <= count; i++) {
            body.append(i == 1 ? "" : ",").append("{\"content\": \"m").append(i).append("\", \"role\": \"user\"}");
        }
        var reply = http.post(user.messagesOf(chat), user.cookie(), body.append("]}").toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.json().get("chatMessages").forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }

    @Nested
    class CreatingChats {
        @Test
        void createsAChatAndAnswersWithAllItsFields() {
            var ada = newUser();
            var before = Instant.now();

            var reply = http.post(ada.chatsPath(), ada.cookie(), "{\"name\": \"Trip to 東京\", \"model\": \"gpt-4o\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            JsonNode chat = reply.json().get("chat");
            assertThat(Http.fieldNames(chat)).containsExactlyInAnyOrder("id", "name", "model", "neptun_user_id", "created_at", "updated_at");
            assertThat(chat.get("id").isIntegralNumber()).isTrue();
            assertThat(chat.get("name").asText()).isEqualTo("Trip to 東京");
            assertThat(chat.get("model").asText()).isEqualTo("gpt-4o");
            assertThat(chat.get("neptun_user_id").asText()).isEqualTo(ada.id());
            assertThat(Instant.parse(chat.get("created_at").asText())).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(chat.get("updated_at")).isEqualTo(chat.get("created_at"));
        }

        @Test
        void writesAMissingModelAsNull() {
            var ada = newUser();

            var reply = http.post(ada.chatsPath(), ada.cookie(), "{\"name\": \"Untitled\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().at("/chat/model").isNull()).isTrue();
            assertThat(reply.body()).contains("\"model\":null");
        }

        @Test
        void reportsEveryProblemOfTheBodyWithItsPath() {
            var ada = newUser();

            var shape = http.post(ada.chatsPath(), ada.cookie(), "{\"model\": 4}");
            var rules = http.post(ada.chatsPath(), ada.cookie(), "{\"name\": \"  \", \"model\": \"" + "m".repeat(256) + "\"}");

            for (var reply : List.of(shape, rules)) {
                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.json().get("statusMessage").asText()).isEqualTo("Bad Request. Invalid body(model, name).");
            }
            assertThat(shape.json().at("/data/issues").toString()).isEqualTo("[{\"code\":\"invalid_type\",\"message\":\"Required\","
                    + "\"path\":[\"name\"]},{\"code\":\"invalid_type\",\"message\":\"Expected string, received number\",\"path\":[\"model\"]}]");
            assertThat(rules.json().at("/data/issues").findValuesAsText("code")).containsExactly("custom", "too_big");
            assertThat(countChatsOf(ada)).isZero();
        }

        @Test
        void refusesBodiesThatAreNotJsonOrTooLarge() {
            var ada = newUser();

            var form = http.send(http.request(ada.chatsPath(), ada.cookie())
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=x")));
            var large = http.post(ada.chatsPath(), ada.cookie(), "{\"name\": \"" + "x".repeat(MAX_BODY_BYTES) + "\"}");
            var malformed = http.post(ada.chatsPath(), ada.cookie(), "{\"name\": ");

            assertThat(form.status()).isEqualTo(415);
            assertThat(large.status()).isEqualTo(413);
            assertThat(large.headers().firstValue("Connection")).hasValue("close");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().at("/data/issues/0/code").asText()).isEqualTo("custom");
            assertThat(countChatsOf(ada)).isZero();
        }
    }

    @Nested
    class ListingChats {
        @Test
        void listsChatsMostRecentlyActiveFirstAndMovesUpdatedAtWithNewMessages() {
            var ada = newUser();
            long first = chatOf(ada, "first");
            long second = chatOf(ada, "second");
            long third = chatOf(ada, "third");
            JsonNode before = chatWithId(http.get(ada.chatsPath(), ada.cookie()), first);

            var posted = http.post(messagesPath(ada.id(), first), ada.cookie(), "{\"message\": \"back to this one\", \"actor\": \"user\"}");

            var reply = http.get(ada.chatsPath(), ada.cookie());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(ids(reply)).containsExactly(first, third, second);
            JsonNode revived = chatWithId(reply, first);
            assertThat(revived.get("updated_at").asText()).isEqualTo(posted.json().at("/chatMessage/created_at").asText());
            assertThat(Instant.parse(revived.get("updated_at").asText())).isAfter(Instant.parse(before.get("updated_at").asText()));
            assertThat(revived.get("created_at")).isEqualTo(before.get("created_at"));
        }

        @ParameterizedTest
        @CsvSource({"created_at, 3 2 1", "created_at:desc, 3 2 1", "created_at:asc, 1 2 3", "updated_at:asc, 2 3 1",
            "updated_at, 1 3 2"})
        void ordersAsAsked(String orderBy, String expected) {
            var ada = newUser();
            long[] chats = {chatOf(ada, "1"), chatOf(ada, "2"), chatOf(ada, "3")};
            postMessages(ada, chats[0], 1);

            var reply = http.get(ada.chatsPath() + "?order_by=" + orderBy, ada.cookie());

            assertThat(reply.status()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            reply.json().get("chats").forEach(chat -> names.add(chat.get("name").asText()));
            assertThat(String.join(" ", names)).isEqualTo(expected);
        }

        @Test
        void answersAtMostTheLimitOfChats() {
            var ada = newUser();
            for (int i = 0; i < 7; i++) {
                chatOf(ada, "chat " + i);
            }

            assertThat(http.get(ada.chatsPath(), ada.cookie()).json().get("chats")).hasSize(3);
            assertThat(http.get(ada.chatsPath() + "?limit=5", ada.cookie()).json().get("chats")).hasSize(5);
            assertThat(http.get(ada.chatsPath() + "?limit=1&order_by=created_at", ada.cookie()).json().at("/chats/0/name").asText())
                    .isEqualTo("chat 6");
        }

        @Test
        void answersAnEmptyListForAUserWithoutChats() {
            var ada = newUser();

            var reply = http.get(ada.chatsPath(), ada.cookie());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"chats\":[]}");
        }

        @ParameterizedTest
        @CsvSource({"limit=0, limit, too_small", "limit=6, limit, too_big", "limit=-1, limit, too_small", "limit=x, limit, invalid_type",
            "limit=99999999999999999999, limit, too_big", "order_by=name, order_by, invalid_enum_value",
            "order_by=updated_at:sideways, order_by, invalid_enum_value"})
        void refusesABadQuery(String query, String parameter, String code) {
            var ada = newUser();

            var reply = http.get(ada.chatsPath() + "?" + query, ada.cookie());

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("statusMessage").asText()).isEqualTo("Bad Request. Invalid query(limit, order_by).");
            assertThat(reply.json().at("/data/issues/0/path").toString()).isEqualTo("[\"" + parameter + "\"]");
            assertThat(reply.json().at("/data/issues/0/code").asText()).isEqualTo(code);
        }
    }

    @Nested
    class RenamingAndDeletingChats {
        @Test
        void renamesAChatAndMovesItsUpdatedAt() {
            var ada = newUser();
            var created = http.post(ada.chatsPath(), ada.cookie(), "{\"name\": \"draft\", \"model\": \"gpt-4o\"}").json().get("chat");
            long chat = created.get("id").asLong();

            var renamed = http.patch(ada.chatPath(chat), ada.cookie(), "{\"name\": \"Python questions\"}");
            var switched = http.patch(ada.chatPath(chat), ada.cookie(), "{\"name\": \"Python questions\", \"model\": \"llama3\"}");

            assertThat(renamed.status()).isEqualTo(200);
            JsonNode answer = renamed.json().get("chat");
            assertThat(answer.get("name").asText()).isEqualTo("Python questions");
            assertThat(answer.get("model").asText()).isEqualTo("gpt-4o");
            assertThat(answer.get("created_at")).isEqualTo(created.get("created_at"));
            assertThat(Instant.parse(answer.get("updated_at").asText())).isAfter(Instant.parse(created.get("updated_at").asText()));
            assertThat(switched.json().at("/chat/model").asText()).isEqualTo("llama3");
            assertThat(chatWithId(http.get(ada.chatsPath(), ada.cookie()), chat)).isEqualTo(switched.json().get("chat"));
        }

        @Test
        void refusesAnInvalidNameAndChangesNothing() {
            var ada = newUser();
            long chat = chatOf(ada, "keep");

            var reply = http.patch(ada.chatPath(chat), ada.cookie(), "{\"name\": \"\"}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("statusMessage").asText()).isEqualTo("Bad Request. Invalid body(model, name).");
            assertThat(reply.json().at("/data/issues/0/path").toString()).isEqualTo("[\"name\"]");
            assertThat(http.get(ada.chatsPath(), ada.cookie()).json().at("/chats/0/name").asText()).isEqualTo("keep");
        }

        @Test
        void deletesAChatWithItsMessagesAndAnswersWithIt() {
            var ada = newUser();
            long doomed = chatOf(ada, "doomed");
            long kept = chatOf(ada, "kept");
            postMessages(ada, doomed, 3);
            postMessages(ada, kept, 1);

            var reply = http.delete(ada.chatPath(doomed), ada.cookie());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().at("/chat/id").asLong()).isEqualTo(doomed);
            assertThat(reply.json().at("/chat/name").asText()).isEqualTo("doomed");
            assertThat(countMessagesOf(doomed)).isZero();
            assertThat(countMessagesOf(kept)).isOne();
            assertThat(ids(http.get(ada.chatsPath(), ada.cookie()))).containsExactly(kept);
            assertThat(http.get(messagesPath(ada.id(), doomed), ada.cookie()).status()).isEqualTo(404);
            assertThat(http.delete(ada.chatPath(doomed), ada.cookie()).status()).isEqualTo(404);
        }
    }

    @Nested
    class ReadingMessages {
        @Test
        void readsAnEmptyChatAsAnEmptyPageWithoutLink() {
            var ada = newUser();
            long chat = chatOf(ada, "empty");

            var reply = http.get(messagesPath(ada.id(), chat), ada.cookie());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"chatMessages\":[]}");
            assertThat(reply.nextLink()).isEmpty();
        }

        @Test
        void readsEveryMessageOnceByFollowingTheLinks() {
            var ada = newUser();
            long chat = chatOf(ada, "long");
            var stored = postMessages(ada, chat, 7);

            List<Long> read = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            List<String> links = new ArrayList<>();
            Optional<String> next = Optional.of(messagesPath(ada.id(), chat));
            while (next.isPresent()) {
                var reply = http.get(next.get(), ada.cookie());
                assertThat(reply.status()).isEqualTo(200);
                reply.json().get("chatMessages").forEach(m -> read.add(m.get("id").asLong()));
                pageSizes.add(reply.json().get("chatMessages").size());
                next = reply.nextLink();
                next.ifPresent(links::add);
            }

            assertThat(read).isEqualTo(stored);
            assertThat(pageSizes).containsExactly(3, 3, 1);
            assertThat(links).containsExactly(
                    messagesPath(ada.id(), chat) + "?after=" + stored.get(2) + "&limit=3",
                    messagesPath(ada.id(), chat) + "?after=" + stored.get(5) + "&limit=3");
        }

        @Test
        void endsExactlyAtAPageBoundaryWithoutAnEmptyLastPage() {
            var ada = newUser();
            long chat = chatOf(ada, "six");
            var stored = postMessages(ada, chat, 6);

            var first = http.get(messagesPath(ada.id(), chat), ada.cookie());
            var second = http.get(first.nextLink().orElseThrow(), ada.cookie());

            assertThat(first.json().get("chatMessages")).hasSize(3);
            assertThat(second.json().get("chatMessages")).hasSize(3);
            assertThat(second.json().at("/chatMessages/2/id").asLong()).isEqualTo(stored.get(5));
            assertThat(second.nextLink()).isEmpty();
        }

        @Test
        void readsAPageOfTheAskedSizeAfterTheCursor() {
            var ada = newUser();
            long chat = chatOf(ada, "cursor");
            var stored = postMessages(ada, chat, 8);

            var reply = http.get(messagesPath(ada.id(), chat) + "?after=" + stored.get(1) + "&limit=5", ada.cookie());

            List<Long> ids = new ArrayList<>();
            reply.json().get("chatMessages").forEach(m -> ids.add(m.get("id").asLong()));
            assertThat(ids).isEqualTo(stored.subList(2, 7));
            assertThat(reply.json().at("/chatMessages/0/message").asText()).isEqualTo("m3");
            assertThat(reply.nextLink()).contains(messagesPath(ada.id(), chat) + "?after=" + stored.get(6) + "&limit=5");
        }

        @Test
        void answersAnEmptyPageAfterTheEnd() {
            var ada = newUser();
            long chat = chatOf(ada, "short");
            var stored = postMessages(ada, chat, 2);

            for (String after : List.of(Long.toString(stored.get(1)), "9223372036854775807")) {
                var reply = http.get(messagesPath(ada.id(), chat) + "?after=" + after, ada.cookie());
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("{\"chatMessages\":[]}");
                assertThat(reply.nextLink()).isEmpty();
            }
        }

        @ParameterizedTest
        @CsvSource({"limit=0, limit, too_small", "limit=6, limit, too_big", "limit=-3, limit, too_small",
            "limit=abc, limit, invalid_type", "limit=2.5, limit, invalid_type", "limit=99999999999999999999, limit, too_big",
            "after=-1, after, too_small", "after=x, after, invalid_type", "after=99999999999999999999, after, too_big",
            "after=1&after=2, after, custom", "limit=, limit, invalid_type"})
        void refusesABadCursorOrLimit(String query, String parameter, String code) {
            var ada = newUser();
            long chat = chatOf(ada, "c");

            var reply = http.get(messagesPath(ada.id(), chat) + "?" + query, ada.cookie());

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("statusMessage").asText()).isEqualTo("Bad Request. Invalid query(after, limit).");
            assertThat(reply.json().at("/data/issues/0/path").toString()).isEqualTo("[\"" + parameter + "\"]");
            assertThat(reply.json().at("/data/issues/0/code").asText()).isEqualTo(code);
        }

        @Test
        void encodesAnOddUserIdInTheLinkSoItCanBeFollowed() {
            var odd = newUser("Zoë O'Brien #1? " + UUID.randomUUID());
            long chat = chatOf(odd, "odd");
            var stored = postMessages(odd, chat, 4);

            var first = http.get(odd.messagesOf(chat), odd.cookie());
            String link = first.nextLink().orElseThrow();
            var second = http.get(link, odd.cookie());

            assertThat(first.status()).isEqualTo(200);
            assertThat(link).startsWith("/api/users/Zo%C3%AB%20O%27Brien%20%231%3F%20").endsWith("/messages?after=" + stored.get(2) + "&limit=3");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().at("/chatMessages/0/id").asLong()).isEqualTo(stored.get(3));
        }
    }

    @Nested
    class RemovingTheLastMessage {
        @Test
        void removesTheNewestMessageAndAnswersWithIt() {
            var ada = newUser();
            long chat = chatOf(ada, "regenerate");
            var stored = postMessages(ada, chat, 3);

            var reply = http.delete(messagesPath(ada.id(), chat) + "/last", ada.cookie());

            assertThat(reply.status()).isEqualTo(200);
            JsonNode removed = reply.json().get("chatMessage");
            assertThat(removed.get("id").asLong()).isEqualTo(stored.get(2));
            assertThat(removed.get("message").asText()).isEqualTo("m3");
            assertThat(Http.fieldNames(removed)).containsExactlyInAnyOrder(
                    "id", "chat_conversation_id", "neptun_user_id", "message", "actor", "created_at");
            List<Long> left = new ArrayList<>();
            http.get(messagesPath(ada.id(), chat), ada.cookie()).json().get("chatMessages").forEach(m -> left.add(m.get("id").asLong()));
            assertThat(left).isEqualTo(stored.subList(0, 2));
        }

        @Test
        void answersNotFoundWithItsOwnMessageWhenTheChatIsEmpty() {
            var ada = newUser();
            long chat = chatOf(ada, "empty");
            postMessages(ada, chat, 1);
            assertThat(http.delete(messagesPath(ada.id(), chat) + "/last", ada.cookie()).status()).isEqualTo(200);

            var reply = http.delete(messagesPath(ada.id(), chat) + "/last", ada.cookie());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("statusMessage").asText()).isEqualTo("No messages in chat");
        }
    }

    @Nested
    class Ownership {
        @Test
        void noRouteLetsOneUserSeeOrChangeAnothersChatsOrMessages() {
            var ada = newUser();
            var bob = newUser();
            long bobs = chatOf(bob, "Bob's secrets");
            postMessages(bob, bobs, 2);
            String bobsChat = bob.chatPath(bobs);
            String bobsChatUnderAda = ada.chatPath(bobs);

            List<Http.Reply> replies = List.of(
                    http.get(bob.chatsPath(), ada.cookie()),
                    http.post(bob.chatsPath(), ada.cookie(), "{\"name\": \"planted\"}"),
                    http.patch(bobsChat, ada.cookie(), "{\"name\": \"stolen\"}"),
                    http.patch(bobsChatUnderAda, ada.cookie(), "{\"name\": \"stolen\"}"),
                    http.delete(bobsChat, ada.cookie()),
                    http.delete(bobsChatUnderAda, ada.cookie()),
                    http.get(bobsChat + "/messages", ada.cookie()),
                    http.get(bobsChatUnderAda + "/messages", ada.cookie()),
                    http.get(bobsChatUnderAda + "/messages?after=0&limit=5", ada.cookie()),
                    http.post(bobsChatUnderAda + "/messages", ada.cookie(), "{\"message\": \"planted\", \"actor\": \"user\"}"),
                    http.delete(bobsChat + "/messages/last", ada.cookie()),
                    http.delete(bobsChatUnderAda + "/messages/last", ada.cookie()),
                    http.get(ada.chatPath(987_654_321L) + "/messages", ada.cookie()),
                    http.delete(ada.chatPath(987_654_321L), ada.cookie()));

            for (var reply : replies) {
                assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            }
            // One answer for all: nothing tells whether the chat exists or whose it is.
            assertThat(replies).extracting(Http.Reply::body).containsOnly(replies.get(0).body());
            assertThat(replies.get(0).json().get("statusMessage").asText()).isEqualTo("Chat or user not found");
            assertThat(http.get(ada.chatsPath(), ada.cookie()).body()).isEqualTo("{\"chats\":[]}");
            var bobsView = http.get(bob.chatsPath(), bob.cookie()).json().get("chats");
            assertThat(bobsView).hasSize(1);
            assertThat(bobsView.get(0).get("name").asText()).isEqualTo("Bob's secrets");
            assertThat(countMessagesOf(bobs)).isEqualTo(2);
        }

        @Test
        void everyRouteRequiresASession() {
            var ada = newUser();
            long chat = chatOf(ada, "mine");

            List<Http.Reply> replies = List.of(
                    http.get(ada.chatsPath(), null),
                    http.post(ada.chatsPath(), null, "{\"name\": \"x\"}"),
                    http.patch(ada.chatPath(chat), null, "{\"name\": \"x\"}"),
                    http.delete(ada.chatPath(chat), null),
                    http.get(messagesPath(ada.id(), chat), "garbage"),
                    http.delete(messagesPath(ada.id(), chat) + "/last", null));

            assertThat(replies).allSatisfy(reply -> {
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.json().get("statusCode").asInt()).isEqualTo(401);
            });
            assertThat(http.get(ada.chatsPath(), ada.cookie()).json().at("/chats/0/name").asText()).isEqualTo("mine");
        }

        @Test
        void answersWrongMethodsInTheEnvelope() {
            var ada = newUser();
            long chat = chatOf(ada, "c");

            var onChat = http.send(http.request(ada.chatPath(chat), ada.cookie()).GET());
            var onLast = http.send(http.request(messagesPath(ada.id(), chat) + "/last", ada.cookie()).GET());

            assertThat(onChat.status()).isEqualTo(405);
            assertThat(onChat.json().get("statusCode").asInt()).isEqualTo(405);
            assertThat(onLast.status()).isEqualTo(405);
        }
    }

    private static List<JsonNode> chats(Http.Reply reply) {
        List<JsonNode> chats = new ArrayList<>();
        reply.json().get("chats").forEach(chats::add);
        return chats;
    }

    private static JsonNode chatWithId(Http.Reply reply, long id) {
        return chats(reply).stream().filter(chat -> chat.get("id").asLong() == id).findFirst().orElseThrow();
    }

    private static List<Long> ids(Http.Reply reply) {
        return chats(reply).stream().map(chat -> chat.get("id").asLong()).toList();
    }

    private static String encoded(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long countChatsOf(User user) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from chats where user_id = :u")
                .bind("u", user.id()).mapTo(Long.class).one());
    }

    private static long countMessagesOf(long chat) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from messages where chat_id = :c")
                .bind("c", chat).mapTo(Long.class).one());
    }
}
