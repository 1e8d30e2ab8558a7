package neptun.chat.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import neptun.chat.adapters.persistence.AppendMessagesStatement.Append;
import neptun.chat.application.port.out.KeyAlreadyRecordedException;
import neptun.chat.application.port.out.StoreUnavailableException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Concurrent appends of messages share statements and commits (see {@link WriteCombiner}). Each append is
 * weighed by its rows and characters and goes to the writers of its size, {@link JdbiPersistence.Writers}:
 * one that arrives while all of them are busy waits for the next group, which writes every append then
 * waiting in one statement and one commit. Appends with idempotency keys record them in the same transaction,
 * after the messages and in one more statement. A group that the database refuses (an append's data, or a
 * key recorded already) is written again one append at a time, so each append succeeds or fails on its own
 * as if it had been written alone.
 *
 * <p>An append waits for a writer at most {@code maxQueueWait}, then fails with a
 * {@link StoreUnavailableException} (nothing of it was written). A connection lost while a group's statement
 * ran fails each of its appends with a {@link neptun.chat.application.port.out.StoreOutcomeUnknownException}.
 */
final class GroupCommit {
    /** A group's size: about a million characters. */
    private static final int MAX_GROUP_WEIGHT = 1_000_000;
    /** Appends from this weight on (about 50 messages of 200 characters) are large. */
    private static final int LARGE_WEIGHT = 16_384;
    /** Each row counts as this many characters more, so that groups of short messages stay bounded in rows. */
    private static final int ROW_WEIGHT = 100;

    private final Jdbi jdbi;
    private final WriteCombiner<Append, List<Long>> smallAppends;
    private final WriteCombiner<Append, List<Long>> largeAppends;
    private final GroupCommitListener listener;

    /**
     * Appends through {@code jdbi}, on {@code writers} of its connections at most; an append waits for a
     * writer at most {@code maxQueueWait}.
     */
    GroupCommit(Jdbi jdbi, JdbiPersistence.Writers writers, Duration maxQueueWait, GroupCommitListener listener) {
        this.jdbi = jdbi;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.smallAppends = new WriteCombiner<>(writers.small(), MAX_GROUP_WEIGHT, maxQueueWait, this::writeGroup);
        this.largeAppends = new WriteCombiner<>(writers.large(), MAX_GROUP_WEIGHT, maxQueueWait, this::writeGroup);
    }

    /**
     * Returns once {@code append} is committed, alone or with others.
     *
     * @return the new ids in the append's order, or none when the chat is not the owner's (or was deleted
     *     meanwhile)
     */
    List<Long> append(Append append) {
        int weight = weight(append);
        try {
            return (weight < LARGE_WEIGHT ? smallAppends : largeAppends).write(append, weight);
        } catch (WriteCombiner.GaveUpWaiting e) {
            throw new StoreUnavailableException(StoreUnavailableException.Reason.BUSY,
                    "the append waited too long for a writer: " + e.getMessage(), e);
        }
    }

    /** How many appends shared a statement with others so far. */
    long appendsWrittenInGroups() {
        return smallAppends.itemsWrittenInGroups() + largeAppends.itemsWrittenInGroups();
    }

    /** Groups are bounded by rows and by characters, which is what a statement's size follows. */
    private static int weight(Append append) {
        long characters = 0;
        for (String content : append.contents()) {
            characters += content.length();
        }
        return (int) Math.min(Integer.MAX_VALUE, characters + ROW_WEIGHT * (long) append.size());
    }

    private void writeGroup(List<WriteCombiner.Pending<Append, List<Long>>> group) {
        listener.groupTaken(group.size(), group.stream().mapToInt(pending -> pending.item().size()).sum());
        if (group.size() > 1) {
            List<Append> items = group.stream().map(WriteCombiner.Pending::item).toList();
            try {
                List<List<Long>> ids = items.stream().anyMatch(item -> item.key() != null)
                        ? jdbi.inTransaction(handle -> executeGroupRecordingKeys(handle.getConnection(), items))
                        : jdbi.withHandle(handle -> AppendMessagesStatement.executeGroup(handle.getConnection(), items));
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(ids.get(i));
                }
                return;
            } catch (SQLException | JdbiException e) {
                if (!SqlStates.isRefusalOfData(e)) {
                    // e.g. the connection failed: whether anything was stored is unknown, unless nothing was sent
                    throw StoreFailures.translate(asJdbiException(e), true);
                }
                // Nothing was stored; some append was refused, its chat deleted meanwhile, or its idempotency key
                // recorded already (by an earlier request, or by another append of this group): each on its own.
            }
        }
        try {
            jdbi.useHandle(handle -> {
                for (var pending : group) {
                    try {
                        pending.succeed(appendAlone(handle, pending.item()));
                    } catch (KeyAlreadyRecordedException e) {
                        pending.fail(e);
                    } catch (JdbiException e) {
                        pending.fail(StoreFailures.translate(e, true));
                    }
                }
            });
        } catch (JdbiException e) {
            throw StoreFailures.translate(e, true); // e.g. no connection; appends settled already keep their outcome
        }
    }

    /** The group's messages, then the keys of the appends that stored messages, in one transaction. */
    static List<List<Long>> executeGroupRecordingKeys(Connection connection, List<Append> appends) throws SQLException {
        List<List<Long>> ids = AppendMessagesStatement.executeGroup(connection, appends);
        List<RecordKeyStatement.KeyRow> keys = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            if (appends.get(i).key() != null && !ids.get(i).isEmpty()) {
                keys.add(appends.get(i).keyRow(ids.get(i)));
            }
        }
        RecordKeyStatement.insertAll(connection, keys);
        return ids;
    }

    /**
     * The append's messages, and its key with them in one transaction when it has one.
     *
     * @return the new ids, or none when the chat is not the owner's (or was deleted meanwhile)
     * @throws KeyAlreadyRecordedException when its key is recorded already; nothing was stored
     */
    private static List<Long> appendAlone(Handle handle, Append append) {
        try {
            if (append.key() == null) {
                return AppendMessagesStatement.execute(handle.getConnection(), append);
            }
            return handle.inTransaction(transaction -> {
                List<Long> ids = AppendMessagesStatement.execute(transaction.getConnection(), append);
                if (!ids.isEmpty()) {
                    RecordKeyStatement.record(transaction, append.key(), append.stored(ids));
                }
                return ids;
            });
        } catch (SQLException | JdbiException e) {
            if (SqlStates.isMissingReferencedRow(e)) {
                return List.of(); // the chat was deleted while the insert ran; nothing was stored
            }
            throw asJdbiException(e);
        }
    }

    private static JdbiException asJdbiException(Exception e) {
        return e instanceof JdbiException jdbiException ? jdbiException
                : new UnableToExecuteStatementException("appending messages failed", e, null);
    }
}
