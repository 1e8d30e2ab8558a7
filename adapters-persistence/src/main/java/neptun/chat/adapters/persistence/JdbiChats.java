package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.LoadChatPort;
import neptun.chat.application.port.out.LoadChatsPort;
import neptun.chat.application.port.out.RecordedKey;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Chats, in {@code chats}. A chat's {@code updatedAt} is computed when it is read, as the later of its last
 * rename and its newest message, so appending messages never writes (or locks) the chat's row. A write with
 * an idempotency key records it in the write's transaction.
 */
public final class JdbiChats implements SaveChatPort, LoadChatsPort, LoadChatPort, RenameChatPort, DeleteChatPort {
    private final Jdbi jdbi;
    private final ChatDao chats;
    private final JdbiIdempotencyKeys keys;

    JdbiChats(Jdbi jdbi, JdbiIdempotencyKeys keys) {
        this.jdbi = jdbi;
        this.chats = jdbi.onDemand(ChatDao.class);
        this.keys = keys;
    }

    @Override
    public Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt) {
        return insertChat(owner, name, model, createdAt, Optional.empty());
    }

    @Override
    public Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt, Optional<KeyRecord<Chat>> key) {
        Instant at = RowMapping.toStoredPrecision(createdAt);
        if (key.isEmpty()) {
            return StoreFailures.write(() -> insert(chats, owner, name, model, at));
        }
        return StoreFailures.inTransaction(jdbi, handle -> {
            Optional<Chat> inserted = insert(handle.attach(ChatDao.class), owner, name, model, at);
            inserted.ifPresent(chat -> RecordKeyStatement.record(handle, key.get(), chat));
            return inserted;
        });
    }

    private static Optional<Chat> insert(ChatDao dao, UserId owner, String name, Optional<String> model, Instant at) {
        return dao.insertForRegisteredUser(owner.value(), name, model.orElse(null), at)
                .map(id -> RowMapping.toChat(new ChatRow(id, owner.value(), name, model.orElse(null), at, at)));
    }

    @Override
    public List<Chat> loadChats(UserId owner, ChatOrder order, int limit) {
        return StoreFailures.read(() -> chats.list(owner.value(), order, limit)).stream().map(RowMapping::toChat).toList();
    }

    @Override
    public Optional<Chat> loadChat(UserId owner, ChatId chat) {
        return StoreFailures.read(() -> chats.find(owner.value(), chat.value())).map(RowMapping::toChat);
    }

    @Override
    public Optional<Chat> renameChat(UserId owner, ChatId chat, String name, Optional<String> model, Instant at) {
        return renameChat(owner, chat, name, model, at, Optional.empty());
    }

    /** The rename, the read of the result and the recording of the key share a transaction, so the answer is the renamed chat. */
    @Override
    public Optional<Chat> renameChat(UserId owner, ChatId chat, String name, Optional<String> model, Instant at,
                                     Optional<KeyRecord<Chat>> key) {
        Instant stored = RowMapping.toStoredPrecision(at);
        return StoreFailures.inTransaction(jdbi, handle -> {
            ChatDao dao = handle.attach(ChatDao.class);
            if (dao.rename(owner.value(), chat.value(), name, model.orElse(null), stored) == 0) {
                return Optional.<Chat>empty();
            }
            Optional<Chat> renamed = dao.find(owner.value(), chat.value()).map(RowMapping::toChat);
            key.ifPresent(k -> renamed.ifPresent(c -> RecordKeyStatement.record(handle, k, c)));
            return renamed;
        });
    }

    @Override
    public Optional<Chat> deleteChat(UserId owner, ChatId chat) {
        return deleteChat(owner, chat, Optional.empty());
    }

    /** Reads the chat, deletes it (its messages cascade) and records the key in one transaction. */
    @Override
    public Optional<Chat> deleteChat(UserId owner, ChatId chat, Optional<KeyRecord<Chat>> key) {
        return StoreFailures.inTransaction(jdbi, handle -> {
            ChatDao dao = handle.attach(ChatDao.class);
            Optional<ChatRow> found = dao.find(owner.value(), chat.value());
            if (found.isEmpty() || dao.delete(owner.value(), chat.value()) == 0) {
                return Optional.<Chat>empty();
            }
            Optional<Chat> deleted = found.map(RowMapping::toChat);
            key.ifPresent(k -> RecordKeyStatement.record(handle, k, deleted.get()));
            return deleted;
        });
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
