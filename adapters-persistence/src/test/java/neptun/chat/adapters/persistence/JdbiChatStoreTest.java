package neptun.chat.adapters.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatMessage;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the store's contract on both supported databases, each in a database of its own. */
class JdbiChatStoreTest {

    @Nested
    @DisplayName("on H2 (PostgreSQL mode)")
    class OnH2 extends JdbiChatStoreContract {
        @Override
        TestDatabase openDatabase() {
            return H2TestDatabase.create();
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends JdbiChatStoreContract {
        @Override
        TestDatabase openDatabase() {
            return PostgresTestDatabase.create();
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
                        appender.submit(() -> store.appendMessages(user, chat, List.of(message("too late", Actor.USER)), T0));
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
