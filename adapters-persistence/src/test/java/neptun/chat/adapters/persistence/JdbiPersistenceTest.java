package neptun.chat.adapters.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the persistence contract on both supported databases, each in a database of its own. */
class JdbiPersistenceTest {

    @Nested
    @DisplayName("on H2 (PostgreSQL mode)")
    class OnH2 extends JdbiPersistenceContract {
        @Override
        TestDatabase openDatabase() {
            return H2TestDatabase.create();
        }

        /**
         * H2 2.4 checks a foreign key against the inserting statement's own view, without locking the chat's
         * row, and its cascade deletes only the messages the deleting transaction sees: a message inserted
         * while its chat is deleted can outlive the chat. Seen with one statement per append as well.
         */
        @Override
        boolean keepsNoMessageOfAChatDeletedDuringItsInsert() {
            return false;
        }

        @Override
        List<String> indexesOf(String table) {
            return jdbi.withHandle(h -> h.createQuery("select index_name from information_schema.indexes where table_name = :table")
                    .bind("table", table).mapTo(String.class).list());
        }

        /** H2's EXPLAIN ANALYZE names the index it scans and counts the rows it read from it. */
        @Override
        void assertPagesAreRangeScans(UserId owner, ChatId chat, List<Long> cursors, int limit) {
            for (long after : cursors) {
                String plan = jdbi.withHandle(h -> h.createQuery("explain analyze " + pageQuery())
                        .bind("owner", owner.value()).bind("chat", chat.value()).bind("after", after).bind("limit", limit)
                        .mapTo(String.class).one());
                assertThat(plan).as(plan).contains("messages_user_chat_id_idx").doesNotContainIgnoringCase("tableScan");
                var scanCount = Pattern.compile("scanCount: (\\d+)").matcher(plan);
                assertThat(scanCount.find()).as(plan).isTrue();
                assertThat(Long.parseLong(scanCount.group(1))).as("rows read after %d\n%s", after, plan).isLessThanOrEqualTo(limit + 1);
            }
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends JdbiPersistenceContract {
        @Override
        TestDatabase openDatabase() {
            return PostgresTestDatabase.create();
        }

        @Override
        boolean keepsNoMessageOfAChatDeletedDuringItsInsert() {
            return true;
        }

        @Override
        List<String> indexesOf(String table) {
            return jdbi.withHandle(h -> h.createQuery("select indexname from pg_indexes where schemaname = current_schema() and tablename = :table")
                    .bind("table", table).mapTo(String.class).list());
        }

        /**
         * PostgreSQL's EXPLAIN ANALYZE: every node that reads messages is an index scan, direct or through a
         * bitmap (which the planner may pick near a chat's end, expecting fewer rows than the limit), and
         * reads at most a page.
         */
        @Override
        void assertPagesAreRangeScans(UserId owner, ChatId chat, List<Long> cursors, int limit) {
            jdbi.useHandle(h -> h.execute("analyze messages"));
            for (long after : cursors) {
                String json = jdbi.withHandle(h -> h.createQuery("explain (analyze, format json) " + pageQuery())
                        .bind("owner", owner.value()).bind("chat", chat.value()).bind("after", after).bind("limit", limit)
                        .mapTo(String.class).one());
                List<JsonNode> scans = new ArrayList<>();
                collectScansOfMessages(readJson(json).get(0).get("Plan"), scans);
                assertThat(scans).as(json).isNotEmpty().allSatisfy(scan -> {
                    assertThat(scan.get("Node Type").asText()).as(json).isIn("Index Scan", "Index Only Scan", "Bitmap Heap Scan");
                    long examined = scan.get("Actual Rows").asLong() + scan.path("Rows Removed by Filter").asLong(0)
                            + scan.path("Rows Removed by Index Recheck").asLong(0);
                    assertThat(examined).as("rows read after %d\n%s", after, json).isLessThanOrEqualTo(limit + 1);
                });
            }
        }

        private static void collectScansOfMessages(JsonNode node, List<JsonNode> scans) {
            if ("messages".equals(node.path("Relation Name").asText())) {
                scans.add(node);
            }
            node.path("Plans").forEach(child -> collectScansOfMessages(child, scans));
        }

        private static JsonNode readJson(String json) {
            try {
                return new ObjectMapper().readTree(json);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void storesNothingWhenTheChatIsDeletedDuringTheInsert() throws Exception {
            var user = registeredUser();
            var chat = chatOf(user);
            ExecutorService appender = Executors.newSingleThreadExecutor();
            try (Handle deleter = jdbi.open()) {
                deleter.begin();
                deleter.execute("delete from chats where user_id = ? and id = ?", user.value(), chat.value());

                Future<Optional<List<ChatMessage>>> appended =
                        appender.submit(() -> messages.appendMessages(user, chat, List.of(message("too late", Actor.USER)), T0));
                awaitAStatementWaitingForALock();
                deleter.commit();

                assertThat(appended.get(10, SECONDS)).isEmpty();
            } finally {
                appender.shutdownNow();
            }
            assertThat(countMessagesOfChat(chat)).isZero();
        }

        private void awaitAStatementWaitingForALock() throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                int waiting = jdbi.withHandle(h -> h.createQuery("""
                                select count(*) from pg_stat_activity
                                where datname = current_database() and wait_event_type = 'Lock'""")
                        .mapTo(Integer.class).one());
                if (waiting > 0) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new AssertionError("the insert never waited for the deleting transaction");
        }
    }
}
