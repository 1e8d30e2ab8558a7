package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.application.port.out.SearchMessagesPort.Filters;
import neptun.chat.domain.SearchQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the contract of searching messages on both supported databases, and what differs between them. */
class MessageSearchTest {

    @Nested
    @DisplayName("on H2 (PostgreSQL mode)")
    class OnH2 extends MessageSearchContract {
        @Override
        TestDatabase openDatabase() {
            return H2TestDatabase.create();
        }

        /** H2 does not rank: every hit has relevance 0, so the newest comes first. */
        @Test
        void answersTheNewestFirst() {
            var user = registeredUser();
            var chat = chatOf(user, "a chat");
            var older = post(user, chat, "udon udon udon");
            var newer = post(user, chat, "udon once");

            assertThat(find(user, "udon")).extracting(hit -> hit.message().id().value(), hit -> hit.relevance())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(newer.id().value(), 0f),
                            org.assertj.core.groups.Tuple.tuple(older.id().value(), 0f));
        }

        /** H2 matches a word wherever it appears, also inside a longer word (PostgreSQL matches whole words). */
        @Test
        void matchesAWordInsideALongerOne() {
            var user = registeredUser();
            post(user, chatOf(user, "a chat"), "Tokyoites commute");

            assertThat(find(user, "tokyo")).hasSize(1);
        }

        @Test
        void needsNoTextSearchConfiguration() {
            assertThat(search.checkTextSearchConfig()).isTrue();
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends MessageSearchContract {
        @Override
        TestDatabase openDatabase() {
            return PostgresTestDatabase.create();
        }

        @Test
        void ranksMessagesWhereTheWordsMatterMoreFirst() {
            var user = registeredUser();
            var chat = chatOf(user, "a chat");
            var once = post(user, chat, "a long message that mentions gyoza only once among many other words about food");
            var often = post(user, chat, "gyoza gyoza gyoza");

            assertThat(ids(find(user, "gyoza"))).containsExactly(often.id().value(), once.id().value());
        }

        /** PostgreSQL matches whole words (lexemes), not parts of words. */
        @Test
        void matchesWholeWordsOnly() {
            var user = registeredUser();
            post(user, chatOf(user, "a chat"), "Tokyoites commute");

            assertThat(find(user, "tokyo")).isEmpty();
            assertThat(find(user, "tokyoites")).hasSize(1);
        }

        /** No migration builds the index (it slows every insert); the statement the server logs builds the one that serves. */
        @Test
        void searchesWithoutAnIndexUntilTheOperatorBuildsTheOneThatServes() {
            var user = registeredUser();
            post(user, chatOf(user, "a chat"), "okonomiyaki");
            assertThat(search.checkTextSearchConfig()).isFalse();
            assertThat(find(user, "okonomiyaki")).hasSize(1);

            jdbi.useHandle(h -> h.execute(search.indexStatement()));

            assertThat(search.checkTextSearchConfig()).isTrue();
            List<String> columns = jdbi.withHandle(h -> h.createQuery("""
                            select column_name from information_schema.columns
                            where table_schema = current_schema() and table_name = 'messages'""")
                    .mapTo(String.class).list());
            assertThat(columns).as("no stored tsvector column").containsExactlyInAnyOrder("user_id", "id", "chat_id", "content", "actor", "created_at");
            // The searched expression is the indexed one, so the index can serve it. (On tables this small the planner
            // reads the user's rows by key instead; bench/search EXPLAINs the statement on a large table.)
            String plan = jdbi.withHandle(h -> {
                h.execute("set enable_seqscan = off");
                try {
                    return String.join("\n", h.createQuery("explain select id from messages where to_tsvector('simple'::regconfig,"
                                    + " left(content, 100000)) @@ websearch_to_tsquery('simple'::regconfig, 'okonomiyaki')")
                            .mapTo(String.class).list());
                } finally {
                    h.execute("reset enable_seqscan");
                }
            });
            assertThat(plan).contains("Bitmap Index Scan on messages_content_simple_fts_idx");
            assertThat(find(user, "okonomiyaki")).hasSize(1);
        }

        /** Another configuration is used, but no index serves it: searches still find, by reading every message of the user. */
        @Test
        void searchesWithAnotherConfigurationWithoutAnIndex() {
            var english = new JdbiMessageSearch(jdbi, "english");
            var user = registeredUser();
            post(user, chatOf(user, "a chat"), "The runners were running");

            assertThat(english.checkTextSearchConfig()).isFalse();
            assertThat(english.searchMessages(user, SearchQuery.parse("run").orElseThrow(), Filters.NONE, Optional.empty(), 10)).hasSize(1);
            assertThat(find(user, "run")).isEmpty();
        }

        @Test
        void refusesAConfigurationPostgresDoesNotHave() {
            var missing = new JdbiMessageSearch(jdbi, "klingon");

            assertThatThrownBy(missing::checkTextSearchConfig).isInstanceOf(IllegalStateException.class).hasMessageContaining("klingon");
        }
    }

    @Test
    void refusesAConfigurationNameThatIsNotAName() {
        try (var database = H2TestDatabase.create()) {
            var jdbi = neptun.chat.adapters.persistence.testing.TestJdbi.create(database);
            assertThatThrownBy(() -> new JdbiPersistence(jdbi, JdbiPersistence.Writers.DEFAULT, JdbiPersistence.DEFAULT_MAX_QUEUE_WAIT,
                    GroupCommitListener.NONE, "simple'; drop table messages; --"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
