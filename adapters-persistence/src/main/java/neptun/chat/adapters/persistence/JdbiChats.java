package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.application.port.out.LoadChatsPort;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Chats, in {@code chats}. A chat's {@code updatedAt} is computed when it is read, as the later of its last
 * rename and its newest message, so appending messages never writes (or locks) the chat's row.
 */
public final class JdbiChats implements SaveChatPort, LoadChatsPort, RenameChatPort, DeleteChatPort {
    private final Jdbi jdbi;
    private final ChatDao chats;

    JdbiChats(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.chats = jdbi.onDemand(ChatDao.class);
    }

    @Override
    public Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt) {
        Instant at = RowMapping.toStoredPrecision(createdAt);
        return StoreFailures.write(() -> chats.insertForRegisteredUser(owner.value(), name, model.orElse(null), at))
                .map(id -> RowMapping.toChat(new ChatRow(id, owner.value(), name, model.orElse(null), at, at)));
    }

    @Override
    public List<Chat> loadChats(UserId owner, ChatOrder order, int limit) {
        return StoreFailures.read(() -> chats.list(owner.value(), order, limit)).stream().map(RowMapping::toChat).toList();
    }

    /** The rename and the read of the result share a transaction, so the answer is the renamed chat. */
    @Override
    public Optional<Chat> renameChat(UserId owner, ChatId chat, String name, Optional<String> model, Instant at) {
        Instant stored = RowMapping.toStoredPrecision(at);
        return StoreFailures.inTransaction(jdbi, handle -> {
            ChatDao dao = handle.attach(ChatDao.class);
            if (dao.rename(owner.value(), chat.value(), name, model.orElse(null), stored) == 0) {
                return Optional.<Chat>empty();
            }
            return dao.find(owner.value(), chat.value()).map(RowMapping::toChat);
        });
    }

    /** Reads the chat and deletes it (its messages cascade) in one transaction. */
    @Override
    public Optional<Chat> deleteChat(UserId owner, ChatId chat) {
        return StoreFailures.inTransaction(jdbi, handle -> {
            ChatDao dao = handle.attach(ChatDao.class);
            Optional<ChatRow> found = dao.find(owner.value(), chat.value());
            if (found.isEmpty() || dao.delete(owner.value(), chat.value()) == 0) {
                return Optional.<Chat>empty();
            }
            return found.map(RowMapping::toChat);
        });
    }
}
