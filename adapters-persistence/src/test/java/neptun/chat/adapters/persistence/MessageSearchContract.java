package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.adapters.persistence.testing.TestJdbi;
import neptun.chat.application.port.in.SearchCursor;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.out.SearchMessagesPort.Filters;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.SearchQuery;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the search of messages promises on any database: every word, phrases in order, exclusions, case
 * insensitivity, the user's own messages of existing chats only, the filters, paging by cursor without repeats
 * or gaps, and snippets that mark what matched. Each subclass supplies a fresh database; each test works with
 * users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageSearchContract {
    static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

    TestDatabase database;
    Jdbi jdbi;
    JdbiPersistence persistence;
    JdbiMessages messages;
    JdbiChats chats;
    JdbiMessageSearch search;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void migrateFreshDatabase() {
        database = openDatabase();
        DatabaseMigrations.migrate(database.dataSource());
        jdbi = TestJdbi.create(database);
        persistence = new JdbiPersistence(jdbi);
        messages = persistence.messages();
        chats = persistence.chats();
        search = persistence.search();
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void findsTheMessagesThatContainEveryWordCaseInsensitively() {
        var user = registeredUser();
        var chat = chatOf(user, "travel");
        var both = post(user, chat, "Flights to Tokyo in cherry season");
        post(user, chat, "Tokyo is large");
        post(user, chat, "cherry pie recipe");

        assertThat(ids(find(user, "tokyo CHERRY"))).containsExactly(both.id().value());
    }

    @Test
    void findsAPhraseOnlyWithItsWordsInOrder() {
        var user = registeredUser();
        var chat = chatOf(user, "a chat");
        var inOrder = post(user, chat, "The cherry blossom forecast");
        post(user, chat, "blossom before the cherry");

        assertThat(ids(find(user, "\"cherry blossom\""))).containsExactly(inOrder.id().value());
        assertThat(ids(find(user, "cherry blossom"))).hasSize(2);
    }

    @Test
    void leavesOutMessagesWithAnExcludedWordOrPhrase() {
        var user = registeredUser();
        var chat = chatOf(user, "a chat");
        var dry = post(user, chat, "Kyoto in autumn, sunny");
        post(user, chat, "Kyoto in autumn, rain all day");
        post(user, chat, "Kyoto, heavy snow");

        assertThat(ids(find(user, "kyoto -rain -\"heavy snow\""))).containsExactly(dry.id().value());
    }

    @Test
    void neverFindsAnotherUsersMessages() {
        var ada = registeredUser();
        var bob = registeredUser();
        var adas = post(ada, chatOf(ada, "ada's"), "secret plan alpha");
        post(bob, chatOf(bob, "bob's"), "secret plan beta");

        assertThat(find(ada, "secret plan")).singleElement().satisfies(hit -> {
            assertThat(hit.message()).isEqualTo(adas);
            assertThat(hit.message().userId()).isEqualTo(ada);
        });
    }

    @Test
    void neverFindsTheMessagesOfADeletedChat() {
        var user = registeredUser();
        var kept = chatOf(user, "kept");
        var gone = chatOf(user, "gone");
        var stays = post(user, kept, "vanishing act");
        post(user, gone, "vanishing act");

        assertThat(chats.deleteChat(user, gone)).isPresent();

        assertThat(ids(find(user, "vanishing"))).containsExactly(stays.id().value());
    }

    @Test
    void answersWithEachHitsChatAndItsName() {
        var user = registeredUser();
        var chat = chatOf(user, "Trip to 東京");
        var message = post(user, chat, "Shinkansen tickets");

        assertThat(find(user, "shinkansen")).singleElement().satisfies(hit -> {
            assertThat(hit.chatName()).isEqualTo("Trip to 東京");
            assertThat(hit.message()).isEqualTo(message);
        });
    }

    @Test
    void keepsToTheChatActorAndTimeFilters() {
        var user = registeredUser();
        var first = chatOf(user, "first");
        var second = chatOf(user, "second");
        var early = messages.appendMessages(user, first, List.of(message("ramen early", Actor.USER)), T0).orElseThrow().get(0);
        var answer = messages.appendMessages(user, first, List.of(message("ramen answer", Actor.ASSISTANT)), T0.plusSeconds(60))
                .orElseThrow().get(0);
        var other = messages.appendMessages(user, second, List.of(message("ramen elsewhere", Actor.USER)), T0.plusSeconds(120))
                .orElseThrow().get(0);
        var query = SearchQuery.parse("ramen").orElseThrow();

        assertThat(ids(search.searchMessages(user, query, new Filters(Optional.of(first), Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), 10))).containsExactlyInAnyOrder(early.id().value(), answer.id().value());
        assertThat(ids(search.searchMessages(user, query, new Filters(Optional.empty(), Optional.of(Actor.ASSISTANT), Optional.empty(),
                Optional.empty()), Optional.empty(), 10))).containsExactly(answer.id().value());
        assertThat(ids(search.searchMessages(user, query, new Filters(Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(60)),
                Optional.of(T0.plusSeconds(120))), Optional.empty(), 10))).containsExactly(answer.id().value());
        assertThat(ids(search.searchMessages(user, query, new Filters(Optional.of(second), Optional.of(Actor.ASSISTANT), Optional.empty(),
                Optional.empty()), Optional.empty(), 10))).isEmpty();
        assertThat(other.chatId()).isEqualTo(second);
    }

    @Test
    void pagesThroughEveryHitOnceInOrder() {
        var user = registeredUser();
        var chat = chatOf(user, "a chat");
        List<Long> stored = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // Different lengths and repeats give different relevances on PostgreSQL; ties go by id.
            stored.add(post(user, chat, "sushi " + "and more sushi ".repeat(i % 4) + "filler ".repeat(i)).id().value());
        }
        post(user, chat, "no match here");
        var query = SearchQuery.parse("sushi").orElseThrow();
        List<SearchHit> all = search.searchMessages(user, query, Filters.NONE, Optional.empty(), 100);

        List<SearchHit> paged = new ArrayList<>();
        Optional<SearchCursor> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<SearchHit> hits = search.searchMessages(user, query, Filters.NONE, after, 3);
            paged.addAll(hits);
            if (hits.size() < 3) {
                break;
            }
            after = Optional.of(hits.get(hits.size() - 1).cursor());
        }

        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(ids(paged)).containsExactlyElementsOf(ids(all));
        for (int i = 1; i < all.size(); i++) {
            SearchHit before = all.get(i - 1);
            SearchHit hit = all.get(i);
            assertThat(before.relevance() > hit.relevance()
                    || before.relevance() == hit.relevance() && before.message().id().value() > hit.message().id().value())
                    .as("%s before %s", before.cursor(), hit.cursor()).isTrue();
        }
    }

    @Test
    void marksTheMatchedWordsInTheSnippetAndKeepsTheRestAsItIs() {
        var user = registeredUser();
        post(user, chatOf(user, "a chat"), "Is <script>alert('x')</script> safe in Tokyo & Osaka?");

        assertThat(find(user, "tokyo")).singleElement().satisfies(hit -> {
            assertThat(hit.snippet().matches()).containsExactly("Tokyo");
            assertThat(hit.snippet().text()).contains("<script>alert('x')</script>").contains("Tokyo & Osaka");
        });
    }

    @Test
    void showsAnExcerptOfALongMessageAroundAMatch() {
        var user = registeredUser();
        post(user, chatOf(user, "a chat"), "lorem ipsum ".repeat(400) + "needle " + "dolor sit ".repeat(400));

        assertThat(find(user, "needle")).singleElement().satisfies(hit -> {
            assertThat(hit.snippet().matches()).containsExactly("needle");
            assertThat(hit.snippet().text().length()).isLessThan(600);
        });
    }

    @Test
    void answersOddQueriesWithResultsNotFailures() {
        var user = registeredUser();
        post(user, chatOf(user, "a chat"), "a&b | c:* (d) 'e' \"f\" or \\g \u0001 \u0002\u0003 😀 ß");
        List<String> odd = List.of("a&b", "|", "c:*", "(d)", "'e'", "\"f", "or", "OR or", "\\g", "😀", "ß", "SS", "a -", "-- a",
                "'", "\"\"a\"\"", "a b c d e f g h i j k l m n o p", "x".repeat(3000), "\u0001 a", "\u0002a\u0003");
        for (String text : odd) {
            Optional<SearchQuery> query = SearchQuery.parse(text);
            query.ifPresent(q -> assertThat(search.searchMessages(user, q, Filters.NONE, Optional.empty(), 10)).as(text).isNotNull());
        }
        assertThat(find(user, "a b")).hasSize(1);
    }

    @Test
    void loadsAChatOnlyForItsOwner() {
        var owner = registeredUser();
        var chat = chatOf(owner, "mine");

        assertThat(chats.loadChat(owner, chat)).hasValueSatisfying(found -> assertThat(found.name()).isEqualTo("mine"));
        assertThat(chats.loadChat(registeredUser(), chat)).isEmpty();
        assertThat(chats.loadChat(owner, new ChatId(Long.MAX_VALUE))).isEmpty();
    }

    // --- helpers

    List<SearchHit> find(UserId user, String text) {
        return search.searchMessages(user, SearchQuery.parse(text).orElseThrow(), Filters.NONE, Optional.empty(), 100);
    }

    static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.message().id().value()).toList();
    }

    UserId registeredUser() {
        var user = new UserId("user-" + UUID.randomUUID());
        assertThat(persistence.users().saveUserIfAbsent(user)).isTrue();
        return user;
    }

    ChatId chatOf(UserId owner, String name) {
        return chats.insertChat(owner, name, Optional.empty(), T0).orElseThrow().id();
    }

    ChatMessage post(UserId owner, ChatId chat, String content) {
        return messages.appendMessages(owner, chat, List.of(message(content, Actor.USER)), T0).orElseThrow().get(0);
    }

    static NewMessage message(String content, Actor actor) {
        return new NewMessage(new MessageContent(content), actor);
    }
}
