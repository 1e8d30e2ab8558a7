package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.adapters.persistence.testing.TestJdbi;
import neptun.chat.adapters.rest.dto.SnippetHtml;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.in.SearchMessagesCommand;
import neptun.chat.application.port.in.SearchPage;
import neptun.chat.bootstrap.wiring.ApplicationWiring;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated message texts and queries against the real use case and the real databases (PostgreSQL's full-text
 * functions, H2's patterns): a search either answers hits of the user's own messages that render as safe HTML,
 * or refuses the query with {@link InvalidInputException}; the database never fails. What the HTTP adapter
 * makes of either is covered by the adapter's own property tests.
 */
class SearchPropertiesTest {
    private static TestDatabase postgres;
    private static TestDatabase h2;
    private static UseCases onPostgres;
    private static UseCases onH2;

    @BeforeContainer
    static void openDatabases() {
        postgres = PostgresTestDatabase.create();
        h2 = H2TestDatabase.create();
        onPostgres = core(postgres);
        onH2 = core(h2);
    }

    @AfterContainer
    static void dropDatabases() {
        postgres.close();
        h2.close();
    }

    private static UseCases core(TestDatabase database) {
        DatabaseMigrations.migrate(database.dataSource());
        return ApplicationWiring.useCases(new JdbiPersistence(TestJdbi.create(database)), Clock.systemUTC(), MessageLimits.DEFAULT,
                PageLimits.DEFAULT, Optional.empty());
    }

    @Property(tries = 150)
    void searchesAnswerOrRefuseButNeverFail(@ForAll("texts") List<String> texts, @ForAll("queries") String query,
                                            @ForAll boolean postgresFirst) {
        for (UseCases core : postgresFirst ? List.of(onPostgres, onH2) : List.of(onH2, onPostgres)) {
            var user = new UserId("user-" + UUID.randomUUID());
            core.registerUser().register(user);
            ChatId chat = core.createChat().create(CreateChatCommand.of(user, "generated")).id();
            List<MessageInput> inputs = texts.stream().filter(text -> MessageContent.problemWith(text).isEmpty())
                    .map(text -> new MessageInput(text, "user")).toList();
            if (!inputs.isEmpty()) {
                core.createMessages().create(CreateMessagesCommand.of(user, chat, inputs));
            }
            SearchPage page;
            try {
                page = core.searchMessages().search(SearchMessagesCommand.of(user, query));
            } catch (InvalidInputException refused) {
                assertThat(refused.violations()).isNotEmpty();
                continue;
            }
            for (SearchHit hit : page.hits()) {
                assertThat(hit.message().userId()).isEqualTo(user);
                assertThat(hit.message().chatId()).isEqualTo(chat);
                assertThat(SnippetHtml.of(hit.snippet()).replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
            }
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().withChars("ab c-\"'&|!:*()<>\\\u0001\u0002\u0003é😀").ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("<script>alert(1)</script> tokyo", "a b", "or", "OR and NOT", "x".repeat(3_000)));
        return text.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(
                Arbitraries.of("a", "b", "tokyo", "\"a b\"", "a -b", "or", "-", "\"", "x".repeat(1_000), "é", "😀", "'", ":*", "!a"),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("ab c-\"'&|!:*()<>\\\u0000\u0002\u0003\uD800").ofMaxLength(20));
    }
}
