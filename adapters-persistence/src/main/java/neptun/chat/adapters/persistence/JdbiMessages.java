package neptun.chat.adapters.persistence;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.LoadMessagesPort;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Messages, in {@code messages}. Appending never writes (or locks) the chat's row: the insert checks that
 * the chat is the owner's in the same statement. Conditional appends (ones that expect a newest message)
 * and removals lock the chat's row, for their transaction. Reads ask {@link ChatDao} whether a chat is the
 * owner's only when the messages found cannot tell (rows carry their owner's id).
 */
public final class JdbiMessages implements SaveMessagesPort, LoadMessagesPort, RemoveLastMessagePort {
    /** Far more than concurrent removals on one chat could need: each round, one of them succeeds. */
    private static final int MAX_REMOVAL_ATTEMPTS = 1_000;

    private final Jdbi jdbi;
    private final MessageDao messages;
    private final GroupCommit groupCommit;
    private final JdbiIdempotencyKeys keys;

    JdbiMessages(Jdbi jdbi, GroupCommit groupCommit, JdbiIdempotencyKeys keys) {
        this.jdbi = jdbi;
        this.messages = jdbi.onDemand(MessageDao.class);
        this.groupCommit = groupCommit;
        this.keys = keys;
    }

    @Override
    public Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> newMessages, Instant createdAt) {
        AppendResult result = appendMessages(owner, chat, newMessages, createdAt, OptionalLong.empty(), Optional.empty());
        return result instanceof AppendResult.Appended appended ? Optional.of(appended.messages()) : Optional.empty();
    }

    /**
     * The ownership check and all inserts are one statement; messages' ids follow their order in the list.
     * Concurrent appends share statements ({@link GroupCommit}), with their keys; each call still returns only
     * after its own messages are committed, and succeeds or fails on its own as if it had been written alone.
     * A conditional append is written on its own, in a transaction that locks the chat's row, reads its
     * newest message and inserts: conditional appends of one chat take turns, so of two that expect the same
     * newest message, one is stored and the other finds another newest message.
     *
     * @throws IllegalArgumentException when {@code newMessages} is empty (the service refuses empty batches;
     *     an empty insert could not tell the owner's chat from someone else's)
     */
    @Override
    public AppendResult appendMessages(UserId owner, ChatId chat, List<NewMessage> newMessages, Instant createdAt,
                                       OptionalLong expectedLastMessageId, Optional<KeyRecord<List<ChatMessage>>> key) {
        if (newMessages.isEmpty()) {
            throw new IllegalArgumentException("no messages to append");
        }
        var append = new AppendMessagesStatement.Append(owner, chat, newMessages, RowMapping.toStoredPrecision(createdAt),
                key.orElse(null));
        if (expectedLastMessageId.isPresent()) {
            return appendIfLastMessageIs(append, expectedLastMessageId.getAsLong());
        }
        List<Long> ids = groupCommit.append(append);
        return ids.isEmpty() ? new AppendResult.NoSuchChat() : new AppendResult.Appended(append.stored(ids));
    }

    private AppendResult appendIfLastMessageIs(AppendMessagesStatement.Append append, long expected) {
        return StoreFailures.inTransaction(jdbi, handle -> {
            if (handle.attach(ChatDao.class).lockOwned(append.owner(), append.chat()).isEmpty()) {
                return new AppendResult.NoSuchChat();
            }
            long last = handle.attach(MessageDao.class).lastMessageId(append.owner(), append.chat());
            if (last != expected) {
                return new AppendResult.LastMessageDiffers(last);
            }
            List<Long> ids = insert(handle, append);
            List<ChatMessage> stored = append.stored(ids);
            if (append.key() != null) {
                RecordKeyStatement.record(handle, append.key(), stored);
            }
            return new AppendResult.Appended(stored);
        });
    }

    /** The insert of a locked chat, which finds the chat: the ids of all the append's messages. */
    private static List<Long> insert(Handle handle, AppendMessagesStatement.Append append) {
        try {
            List<Long> ids = AppendMessagesStatement.execute(handle.getConnection(), append);
            if (ids.size() != append.size()) {
                throw new IllegalStateException("the insert into a locked chat stored " + ids.size() + " of " + append.size() + " messages");
            }
            return ids;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("appending messages failed", e, null);
        }
    }

    /** One range scan of the chat's index; the ownership is checked only when the page is empty. */
    @Override
    public Optional<StoredPage> loadMessages(UserId owner, ChatId chat, long afterId, int limit) {
        return StoreFailures.read(() -> {
            List<MessagePageRow> rows = messages.page(owner.value(), chat.value(), afterId, limit);
            if (rows.isEmpty()) {
                return messages.lastMessageIdOfOwnedChat(owner.value(), chat.value()).map(last -> new StoredPage(List.of(), last));
            }
            // Rows carry the owner's id and reference the chat through it, so rows found prove the ownership.
            return Optional.of(new StoredPage(rows.stream().map(row -> RowMapping.toChatMessage(row.message())).toList(),
                    rows.get(0).lastMessageId()));
        });
    }

    /**
     * In one transaction: locks the chat's row, reads the newest message and deletes it by its key, and
     * records the key when there is one. The lock makes removals of one chat take turns with each other and
     * with conditional appends (and, on PostgreSQL, wait for appends in flight), so a removal never lands
     * between a conditional write's check and its effect. Should a delete still find its row gone, the next
     * newest is tried. A conditional removal deletes the newest message only if it is the expected one.
     */
    @Override
    public Removal removeLastMessage(UserId owner, ChatId chat) {
        return removeLastMessage(owner, chat, OptionalLong.empty(), Optional.empty());
    }

    @Override
    public Removal removeLastMessage(UserId owner, ChatId chat, OptionalLong expectedLastMessageId, Optional<KeyRecord<ChatMessage>> key) {
        return StoreFailures.inTransaction(jdbi, handle -> {
            if (handle.attach(ChatDao.class).lockOwned(owner.value(), chat.value()).isEmpty()) {
                return new Removal.NoSuchChat();
            }
            Removal removal = expectedLastMessageId.isPresent()
                    ? removeNewestIfItIs(handle, owner, chat, expectedLastMessageId.getAsLong())
                    : removeNewest(handle, owner, chat);
            if (removal instanceof Removal.Removed removed && key.isPresent()) {
                RecordKeyStatement.record(handle, key.get(), removed.message());
            }
            return removal;
        });
    }

    /** In the caller's transaction, on a locked chat of the owner's. */
    private static Removal removeNewest(Handle handle, UserId owner, ChatId chat) {
        MessageDao dao = handle.attach(MessageDao.class);
        for (int attempt = 0; attempt < MAX_REMOVAL_ATTEMPTS; attempt++) {
            Optional<MessageRow> newest = dao.newest(owner.value(), chat.value());
            if (newest.isEmpty()) {
                return new Removal.ChatIsEmpty();
            }
            // Messages are never changed once stored, so the row read is the row deleted.
            if (dao.delete(owner.value(), newest.get().id()) == 1) {
                return new Removal.Removed(RowMapping.toChatMessage(newest.get()));
            }
        }
        throw new IllegalStateException("gave up removing the newest message after " + MAX_REMOVAL_ATTEMPTS + " concurrent removals");
    }

    /** In the caller's transaction, on a locked chat of the owner's: deletes its newest message if that is {@code expected}. */
    private static Removal removeNewestIfItIs(Handle handle, UserId owner, ChatId chat, long expected) {
        MessageDao dao = handle.attach(MessageDao.class);
        Optional<MessageRow> newest = dao.newest(owner.value(), chat.value());
        long last = newest.map(MessageRow::id).orElse(0L);
        if (last != expected) {
            return new Removal.LastMessageDiffers(last);
        }
        if (newest.isEmpty()) {
            return new Removal.ChatIsEmpty();
        }
        if (dao.delete(owner.value(), last) == 1) {
            return new Removal.Removed(RowMapping.toChatMessage(newest.get()));
        }
        return new Removal.LastMessageDiffers(dao.lastMessageId(owner.value(), chat.value()));
    }

    @Override
    public Optional<RecordedKey> findRecordedKey(UserId user, IdempotencyKey key) {
        return keys.findRecordedKey(user, key);
    }

    @Override
    public boolean forgetExpiredKey(UserId user, IdempotencyKey key, Instant now) {
        return keys.forgetExpiredKey(user, key, now);
    }
}
