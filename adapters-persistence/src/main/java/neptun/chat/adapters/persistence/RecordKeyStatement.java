package neptun.chat.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import neptun.chat.application.port.out.KeyAlreadyRecordedException;
import neptun.chat.application.port.out.KeyRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Records idempotency keys, in plain JDBC on the connection of the write they belong to (the write's
 * transaction): on the write path of keyed appends, like {@link AppendMessagesStatement}.
 */
final class RecordKeyStatement {
    /** A key as the table keeps it. */
    record KeyRow(String user, String key, String fingerprint, String result, Instant createdAt, Instant expiresAt) {
        static <R> KeyRow of(KeyRecord<R> record, R result) {
            return new KeyRow(record.user().value(), record.key().value(), record.fingerprint().value(), record.resultText(result),
                    RowMapping.toStoredPrecision(record.recordedAt()), RowMapping.toStoredPrecision(record.expiresAt()));
        }
    }

    static final String SQL = """
            insert into idempotency_keys (user_id, idempotency_key, fingerprint, result, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?)
            """;

    /** The same for the keys of several appends written together; times travel as ISO-8601 text, as in a group of messages. */
    static final String GROUP_SQL = """
            insert into idempotency_keys (user_id, idempotency_key, fingerprint, result, created_at, expires_at)
            select t.user_id, t.idempotency_key, t.fingerprint, t.result,
                   cast(t.created_at as timestamp with time zone), cast(t.expires_at as timestamp with time zone)
            from unnest(cast(? as text array), cast(? as text array), cast(? as text array), cast(? as text array),
                        cast(? as text array), cast(? as text array))
                 with ordinality as t(user_id, idempotency_key, fingerprint, result, created_at, expires_at, ord)
            order by t.ord
            """;

    /** Keys are inserted in one order everywhere, so two groups holding the same keys cannot wait for each other in a cycle. */
    private static final Comparator<KeyRow> LOCK_ORDER = Comparator.comparing(KeyRow::user).thenComparing(KeyRow::key);

    private RecordKeyStatement() {
    }

    /**
     * Records {@code record} with {@code result} in the transaction of {@code handle}.
     *
     * @throws KeyAlreadyRecordedException when the user's key is recorded already, or taken by a transaction
     *     the database gave up waiting for; the caller's transaction is then to be rolled back
     */
    static <R> void record(Handle handle, KeyRecord<R> record, R result) {
        try {
            insert(handle.getConnection(), KeyRow.of(record, result));
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e) || SqlStates.isLockTimeout(e)) {
                throw new KeyAlreadyRecordedException(e);
            }
            throw new UnableToExecuteStatementException("recording an idempotency key failed", e, null);
        }
    }

    static void insert(Connection connection, KeyRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, row.user());
            statement.setString(2, row.key());
            statement.setString(3, row.fingerprint());
            statement.setString(4, row.result());
            statement.setTimestamp(5, Timestamp.from(row.createdAt()));
            statement.setTimestamp(6, Timestamp.from(row.expiresAt()));
            statement.executeUpdate();
        }
    }

    /** Inserts {@code rows} in one statement: all of them or none (a key recorded already fails them all). */
    static void insertAll(Connection connection, List<KeyRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            insert(connection, rows.get(0));
            return;
        }
        List<KeyRow> sorted = rows.stream().sorted(LOCK_ORDER).toList();
        Array[] arrays = {
            connection.createArrayOf("varchar", sorted.stream().map(KeyRow::user).toArray()),
            connection.createArrayOf("varchar", sorted.stream().map(KeyRow::key).toArray()),
            connection.createArrayOf("varchar", sorted.stream().map(KeyRow::fingerprint).toArray()),
            connection.createArrayOf("varchar", sorted.stream().map(KeyRow::result).toArray()),
            connection.createArrayOf("varchar", sorted.stream().map(row -> row.createdAt().toString()).toArray()),
            connection.createArrayOf("varchar", sorted.stream().map(row -> row.expiresAt().toString()).toArray())};
        try (PreparedStatement statement = connection.prepareStatement(GROUP_SQL)) {
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            statement.executeUpdate();
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }
}
