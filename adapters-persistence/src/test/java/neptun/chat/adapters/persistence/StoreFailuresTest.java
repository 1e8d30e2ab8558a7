package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.out.StoreOutcomeUnknownException;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.application.port.out.StoreUnavailableException.Reason;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.Session;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class StoreFailuresTest {
    private static final UserId ADA = new UserId("ada");
    private static final ChatId CHAT = new ChatId(1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Nested
    class Classifies {
        @Test
        void aStatementFailingOnALostConnectionAsOutcomeUnknownForWritesOnly() {
            var lost = statementFailure(new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));

            assertThat(StoreFailures.translate(lost, true)).isInstanceOf(StoreOutcomeUnknownException.class)
                    .hasMessageContaining("An I/O error occurred").hasMessageNotContaining("insert into");
            assertThat(StoreFailures.translate(lost, false)).isExactlyInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> assertThat(((StoreUnavailableException) e).reason()).isEqualTo(Reason.UNREACHABLE));
        }

        @Test
        void aSilentConnectionAsATimeoutOrAnUnknownOutcome() {
            var silent = statementFailure(new SQLException("An I/O error occurred while sending to the backend.", "08006",
                    new SocketTimeoutException("Read timed out")));

            assertThat(reason(StoreFailures.translate(silent, false))).isEqualTo(Reason.TIMEOUT);
            assertThat(reason(StoreFailures.translate(silent, true))).isEqualTo(Reason.OUTCOME_UNKNOWN);
        }

        @Test
        void failuresBeforeAnythingWasSentAsNothingStoredEvenForWrites() {
            var refused = new ConnectionException(new SQLException("Connection to 127.0.0.1:1 refused.", "08001", new ConnectException()));
            var closed = statementFailure(new SQLException("This connection has been closed.", "08003"));
            var cancelled = statementFailure(new SQLException("ERROR: canceling statement due to statement timeout", "57014"));
            var exhausted = new ConnectionException(new PoolExhaustedException("Timeout: Pool empty."));

            assertThat(reason(StoreFailures.translate(refused, true))).isEqualTo(Reason.UNREACHABLE);
            assertThat(reason(StoreFailures.translate(closed, true))).isEqualTo(Reason.UNREACHABLE);
            assertThat(reason(StoreFailures.translate(cancelled, true))).isEqualTo(Reason.TIMEOUT);
            assertThat(reason(StoreFailures.translate(exhausted, true))).isEqualTo(Reason.BUSY);
            assertThat(reason(StoreFailures.translate(new ConnectionException(new SQLTransientConnectionException("gone")), true)))
                    .isEqualTo(Reason.UNREACHABLE);
        }

        @Test
        void aServerShuttingDownMidStatementAsOutcomeUnknown() {
            var shutdown = statementFailure(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

            assertThat(reason(StoreFailures.translate(shutdown, true))).isEqualTo(Reason.OUTCOME_UNKNOWN);
        }

        /** PgBouncer reports its own failures with SQLSTATE 08P01 and a FATAL message, then closes the connection. */
        @Test
        void pgBouncerLosingItsServerConnectionMidStatementAsOutcomeUnknownForWrites() {
            var crashed = statementFailure(new SQLException("FATAL: server conn crashed?", "08P01"));

            assertThat(reason(StoreFailures.translate(crashed, true))).isEqualTo(Reason.OUTCOME_UNKNOWN);
            assertThat(reason(StoreFailures.translate(crashed, false))).isEqualTo(Reason.UNREACHABLE);
        }

        @Test
        void pgBouncerRefusingALoginWhileItCannotReachTheServerAsNothingStored() {
            var loginFailing = new ConnectionException(new SQLException(
                    "FATAL: server login has been failing, try again later (server_login_retry)", "08P01"));
            var full = new ConnectionException(new SQLException("FATAL: no more connections allowed (max_client_conn)", "08P01"));

            assertThat(reason(StoreFailures.translate(loginFailing, true))).isEqualTo(Reason.UNREACHABLE);
            assertThat(reason(StoreFailures.translate(full, true))).isEqualTo(Reason.UNREACHABLE);
        }

        @Test
        void leavesEveryOtherFailureAsItIs() {
            var refusedValue = statementFailure(new SQLException("violates check constraint", "23514"));
            var bug = new IllegalStateException("bug");

            assertThat(StoreFailures.translate(refusedValue, true)).isSameAs(refusedValue);
            assertThat(StoreFailures.translate(bug, true)).isSameAs(bug);
        }

        private static UnableToExecuteStatementException statementFailure(SQLException cause) {
            return new UnableToExecuteStatementException("insert into messages ... arguments: secret content", cause, null);
        }

        private static Reason reason(RuntimeException e) {
            assertThat(e).isInstanceOf(StoreUnavailableException.class);
            return ((StoreUnavailableException) e).reason();
        }
    }

    /** Named like Tomcat's, whose pool signals exhaustion with it (the module does not depend on Tomcat). */
    static final class PoolExhaustedException extends SQLException {
        PoolExhaustedException(String message) {
            super(message);
        }
    }

    /** Every port of every adapter, on a PostgreSQL address where nothing listens. */
    @Nested
    class WhenTheDatabaseRefusesConnections {
        private final JdbiPersistence persistence = new JdbiPersistence(Jdbi.create(nothingListening()),
                JdbiPersistence.Writers.DEFAULT, Duration.ofSeconds(5), GroupCommitListener.NONE);

        @Test
        void everyPortCallFailsAsUnreachableAndNothingStored() {
            var message = new NewMessage(new MessageContent("hi"), Actor.USER);
            byte[] hash = new byte[32];
            List<Runnable> calls = List.of(
                    () -> persistence.chats().insertChat(ADA, "name", Optional.empty(), T0),
                    () -> persistence.chats().loadChats(ADA, ChatOrder.UPDATED_AT_DESC, 10),
                    () -> persistence.chats().renameChat(ADA, CHAT, "name", Optional.empty(), T0),
                    () -> persistence.chats().deleteChat(ADA, CHAT),
                    () -> persistence.messages().appendMessages(ADA, CHAT, List.of(message), T0),
                    () -> persistence.messages().loadMessages(ADA, CHAT, 0, 10),
                    () -> persistence.messages().removeLastMessage(ADA, CHAT),
                    () -> persistence.users().saveUserIfAbsent(ADA),
                    () -> persistence.users().userExists(ADA),
                    () -> persistence.sessions().saveSession(hash, new Session(ADA, T0, T0.plusSeconds(60), Optional.empty())),
                    () -> persistence.sessions().findSessionByTokenHash(hash),
                    () -> persistence.sessions().revokeSession(hash, T0));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isExactlyInstanceOf(StoreUnavailableException.class)
                        .hasMessageStartingWith("the database is not reachable: Connection to 127.0.0.1:1 refused")
                        .satisfies(e -> assertThat(((StoreUnavailableException) e).reason()).isEqualTo(Reason.UNREACHABLE));
            }
        }

        @Test
        void migratingSaysSoInOneLine() {
            var properties = new Properties();
            properties.setProperty("user", "nobody");

            assertThatThrownBy(() -> DatabaseMigrations.migrate("jdbc:postgresql://127.0.0.1:1/neptun", properties))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("the database is not reachable: Connection to 127.0.0.1:1 refused")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }

        private static PGSimpleDataSource nothingListening() {
            var dataSource = new PGSimpleDataSource();
            dataSource.setURL("jdbc:postgresql://127.0.0.1:1/neptun");
            dataSource.setUser("nobody");
            return dataSource;
        }
    }
}
