package neptun.chat.adapters.persistence;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import neptun.chat.application.port.out.StoreOutcomeUnknownException;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.application.port.out.StoreUnavailableException.Reason;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;

/**
 * Turns failures to reach the database into {@link StoreUnavailableException}s, and tells whether a write
 * may have been stored. A failure before a statement was sent (no connection, a connection known to be
 * closed, the pool exhausted) stored nothing; so did a statement the database cancelled (its time limit, a
 * lock timeout), since a failed statement rolls back. A connection lost while a write was being executed or
 * committed leaves its outcome unknown. Every other failure (a refused value, a bug) passes through as it is.
 */
final class StoreFailures {
    /** SQLSTATEs after which nothing was stored: could not connect, connection already closed, cancelled. */
    private static final Set<String> NOTHING_SENT = Set.of(
            "08001", // sqlclient_unable_to_establish_sqlconnection: connection refused, host unknown
            "08003", // connection_does_not_exist: closed before the statement was sent
            "08004", // sqlserver_rejected_establishment_of_sqlconnection
            "57P03", // cannot_connect_now: the server is starting or shutting down
            "53300"); // too_many_connections
    /** SQLSTATEs of a statement the database cancelled: it had no effect. */
    private static final Set<String> CANCELLED = Set.of(
            "57014", // query_canceled: statement_timeout
            "55P03", // lock_not_available: lock_timeout
            "HYT00"); // H2: timeout trying to lock a table
    /** SQLSTATEs of a lost connection or a server going away (PostgreSQL class 08 and 57P, H2's own codes). */
    private static final Set<String> CONNECTION_LOST = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "90067", // H2: connection is broken
            "90098", // H2: the database has been closed
            "90121"); // H2: database called at VM shutdown

    /** Tomcat's pool says "none free within maxWait" with this exception, which carries no SQLSTATE. */
    private static final String POOL_EXHAUSTED = "PoolExhaustedException";

    private StoreFailures() {
    }

    /** Runs a call that stores nothing (or nothing unless it returns): any failure to reach the store stored nothing. */
    static <T> T read(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e, false);
        }
    }

    /** Runs one statement in auto-commit mode: a connection lost while it ran leaves its outcome unknown. */
    static <T> T write(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e, true);
        }
    }

    /** As {@link #write(Supplier)}, for a statement without a result. */
    static void write(Runnable call) {
        write(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in one transaction. A failure before the commit stored nothing (the database rolls
     * back a transaction whose connection is lost); a connection lost during the commit leaves the outcome
     * unknown.
     */
    static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        AtomicBoolean committing = new AtomicBoolean();
        try {
            return jdbi.inTransaction(handle -> {
                T result = work.withHandle(handle);
                committing.set(true);
                return result;
            });
        } catch (RuntimeException e) {
            throw translate(e, committing.get());
        }
    }

    /**
     * {@code failure} as a {@link StoreUnavailableException} when it is a failure to reach the database, else
     * itself.
     *
     * @param sent whether a write may have reached the database when it failed
     */
    static RuntimeException translate(Throwable failure, boolean sent) {
        if (failure instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        Optional<Reason> reason = reasonOf(failure, sent);
        if (reason.isEmpty()) {
            return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        String detail = rootMessage(failure);
        return switch (reason.get()) {
            case OUTCOME_UNKNOWN -> new StoreOutcomeUnknownException(
                    "the connection to the database was lost while a write was under way: " + detail, failure);
            case TIMEOUT -> new StoreUnavailableException(Reason.TIMEOUT, "the database did not answer in time: " + detail, failure);
            case BUSY -> new StoreUnavailableException(Reason.BUSY, "no database connection was free in time: " + detail, failure);
            case UNREACHABLE -> new StoreUnavailableException(Reason.UNREACHABLE, "the database is not reachable: " + detail, failure);
        };
    }

    /** Why {@code failure} is a failure to reach the store, or empty when it is something else. */
    static Optional<Reason> reasonOf(Throwable failure, boolean sent) {
        boolean lost = false;
        boolean timedOut = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(POOL_EXHAUSTED)) {
                return Optional.of(Reason.BUSY);
            }
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && CANCELLED.contains(state) || cause instanceof SQLTimeoutException) {
                return Optional.of(Reason.TIMEOUT);
            }
            if (state != null && NOTHING_SENT.contains(state)) {
                return Optional.of(Reason.UNREACHABLE);
            }
            timedOut |= cause instanceof SocketTimeoutException;
            lost |= cause instanceof IOException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || state != null && (state.startsWith("08") || CONNECTION_LOST.contains(state));
        }
        if (failure instanceof ConnectionException) {
            return Optional.of(timedOut ? Reason.TIMEOUT : Reason.UNREACHABLE); // no connection: nothing was sent
        }
        if (!lost && !timedOut) {
            return Optional.empty();
        }
        if (sent) {
            return Optional.of(Reason.OUTCOME_UNKNOWN);
        }
        return Optional.of(timedOut ? Reason.TIMEOUT : Reason.UNREACHABLE);
    }

    /**
     * The driver's message and the innermost cause's, on one line. Not JDBI's own message, which quotes the
     * statement and its arguments (messages' content).
     */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        SQLException innermostSql = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            root = cause;
            if (cause instanceof SQLException sql) {
                innermostSql = sql;
            }
        }
        String message = oneLine(innermostSql != null ? innermostSql : root);
        return innermostSql != null && root != innermostSql ? message + " (" + oneLine(root) + ")" : message;
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
