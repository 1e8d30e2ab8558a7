package neptun.chat.adapters.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.application.port.out.SaveMessagesPort.AppendResult;
import neptun.chat.domain.IdempotencyKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the contract of idempotency keys and conditional writes on both supported databases. */
class IdempotencyKeysTest {

    @Nested
    @DisplayName("on H2 (PostgreSQL mode)")
    class OnH2 extends IdempotencyKeysContract {
        @Override
        TestDatabase openDatabase() {
            return H2TestDatabase.create();
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends IdempotencyKeysContract {
        @Override
        TestDatabase openDatabase() {
            return PostgresTestDatabase.create();
        }

        /**
         * A failure after the inserts and before the commit: a constraint trigger deferred to the commit
         * refuses it, so the messages were inserted and the key recorded when the transaction fails.
         */
        @Test
        void keepsNeitherMessagesNorKeyOfAnAppendThatFailsAtItsCommit() {
            var user = registeredUser();
            var chat = chatOf(user);
            execute("""
                    create function test_fail_at_commit() returns trigger language plpgsql as $$
                    begin raise exception 'injected failure at commit'; end $$;
                    create constraint trigger test_fail_at_commit after insert on idempotency_keys
                      deferrable initially deferred for each row execute function test_fail_at_commit();
                    """);
            try {
                assertThatThrownBy(() -> messages.appendMessages(user, chat, batch("a", "b"), T0, OptionalLong.empty(),
                        Optional.of(keyRecord(user, "doomed", "x", T0)))).isInstanceOf(JdbiException.class)
                        .hasStackTraceContaining("injected failure at commit");
                assertThatThrownBy(() -> messages.appendMessages(user, chat, batch("c"), T0, OptionalLong.of(0),
                        Optional.of(keyRecord(user, "doomed", "x", T0)))).isInstanceOf(JdbiException.class);
            } finally {
                execute("drop trigger test_fail_at_commit on idempotency_keys; drop function test_fail_at_commit()");
            }
            assertThat(countMessagesOf(chat)).isZero();
            assertThat(keys.findRecordedKey(user, new IdempotencyKey("doomed"))).isEmpty();

            assertThat(messages.appendMessages(user, chat, batch("again"), T0, OptionalLong.empty(),
                    Optional.of(keyRecord(user, "doomed", "x", T0)))).isInstanceOf(AppendResult.Appended.class);
        }

        /** Unconditional appends take a key-share lock on the chat's row (the foreign key), so they wait for a conditional write. */
        @Test
        void makesAppendsWaitForAConditionalWriteOfTheirChat() throws Exception {
            var user = registeredUser();
            var chat = chatOf(user);
            ExecutorService appender = Executors.newSingleThreadExecutor();
            try (Handle conditional = jdbi.open()) {
                conditional.begin();
                assertThat(conditional.attach(ChatDao.class).lockOwned(user.value(), chat.value())).isPresent();

                Future<AppendResult> append = appender.submit(() ->
                        messages.appendMessages(user, chat, batch("unconditional"), T0, OptionalLong.empty(), Optional.empty()));
                awaitAStatementWaitingForALock();
                assertThat(append).isNotDone();
                conditional.commit();

                assertThat(append.get(10, SECONDS)).isInstanceOf(AppendResult.Appended.class);
            } finally {
                appender.shutdownNow();
            }
        }

        private void execute(String sql) {
            jdbi.useHandle(h -> h.execute(sql));
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
            throw new AssertionError("the append never waited for the chat's lock");
        }
    }

}
