package neptun.chat.adapters.persistence;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.application.port.out.LoadChatsPort;
import neptun.chat.application.port.out.LoadMessagesPort;
import neptun.chat.application.port.out.LoadSessionPort;
import neptun.chat.application.port.out.LoadUserPort;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.application.port.out.SaveSessionPort;
import neptun.chat.application.port.out.SaveUserPort;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.Session;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Stores users, sessions, chats and messages in PostgreSQL or H2 (PostgreSQL mode) through JDBI. Every
 * port call that writes is atomic: a single SQL statement, or one transaction where it needs several
 * (renaming or deleting a chat and reading it back). Instants are stored to the microsecond
 * (finer parts are cut off first, so what a call returns equals what a later read returns). A chat's
 * {@code updatedAt} is computed when it is read, as the later of its last rename and its newest message,
 * so appending messages never writes (or locks) the chat's row. Failures of the database surface as
 * JDBI's unchecked exceptions.
 */
public class JdbiChatStore implements SaveMessagesPort, LoadMessagesPort, RemoveLastMessagePort, LoadSessionPort, SaveSessionPort,
        SaveUserPort, LoadUserPort, SaveChatPort, LoadChatsPort, RenameChatPort, DeleteChatPort {
    /** Far more than concurrent removals on one chat could need: each round, one of them succeeds. */
    private static final int MAX_REMOVAL_ATTEMPTS = 1_000;
    /** A group's size: about a million characters. */
    private static final int MAX_GROUP_WEIGHT = 1_000_000;
    /** Appends from this weight on (about 50 messages of 200 characters) are large. */
    private static final int LARGE_WEIGHT = 16_384;
    /** Each row counts as this many characters more, so that groups of short messages stay bounded in rows. */
    private static final int ROW_WEIGHT = 100;

    private final Jdbi jdbi;
    private final MessageDao messages;
    private final ChatDao chats;
    private final UserDao users;
    private final SessionDao sessions;
    private final WriteCombiner<AppendMessagesStatement.Append, List<Long>> smallAppends;
    private final WriteCombiner<AppendMessagesStatement.Append, List<Long>> largeAppends;

    /**
     * How many statements append messages at the same time, each on a connection of its own: for small
     * appends (under about 50 messages) and for large ones. Fewer writers make larger shared statements;
     * small appends gain most from that, while large ones fill a statement by themselves and gain from
     * running in parallel. The defaults gave the most messages per second on 2 cores (BENCHMARKS.md).
     */
    public record Writers(int small, int large) {
        public static final Writers DEFAULT = new Writers(1, 2);

        public Writers {
            if (small < 1 || large < 1) {
                throw new IllegalArgumentException("writers must be positive");
            }
        }
    }

    /** Uses {@code jdbi}, and {@link Writers#DEFAULT} of its connections at most for appending messages. */
    public JdbiChatStore(Jdbi jdbi) {
        this(jdbi, Writers.DEFAULT);
    }

    /**
     * Uses {@code jdbi}, installing {@link SqlObjectPlugin} unless it already is (installing it twice is a
     * no-op), and {@code writers} of its connections at most for appending messages.
     */
    public JdbiChatStore(Jdbi jdbi, Writers writers) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi").installPlugin(new SqlObjectPlugin());
        this.smallAppends = new WriteCombiner<>(writers.small(), MAX_GROUP_WEIGHT, this::writeAppends);
        this.largeAppends = new WriteCombiner<>(writers.large(), MAX_GROUP_WEIGHT, this::writeAppends);
        this.messages = jdbi.onDemand(MessageDao.class);
        this.chats = jdbi.onDemand(ChatDao.class);
        this.users = jdbi.onDemand(UserDao.class);
        this.sessions = jdbi.onDemand(SessionDao.class);
    }

    /**
     * The ownership check and all inserts are one statement; messages' ids follow their order in the list.
     * Concurrent appends share statements (see {@link WriteCombiner}): one that arrives while all
     * {@link Writers} of its size are busy waits for the next group, which writes every append then
     * waiting in one statement and one commit. Each call still returns only after its own messages are
     * committed, and a group that the database refuses is written again one append at a time, so each
     * append succeeds or fails on its own as if it had been written alone.
     */
    @Override
    public Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> newMessages, Instant createdAt) {
        Instant at = RowMapping.toStoredPrecision(createdAt);
        if (newMessages.isEmpty()) {
            return isOwnedChat(owner, chat) ? Optional.of(List.of()) : Optional.empty();
        }
        String[] contents = newMessages.stream().map(m -> m.content().value()).toArray(String[]::new);
        String[] actors = newMessages.stream().map(m -> m.actor().wireName()).toArray(String[]::new);
        var append = new AppendMessagesStatement.Append(owner.value(), chat.value(), contents, actors, at);
        int weight = weight(append);
        List<Long> ids = (weight < LARGE_WEIGHT ? smallAppends : largeAppends).write(append, weight);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<ChatMessage> stored = new ArrayList<>(newMessages.size());
        for (int i = 0; i < newMessages.size(); i++) {
            stored.add(RowMapping.toChatMessage(new MessageRow(ids.get(i), chat.value(), owner.value(),
                    contents[i], actors[i], at)));
        }
        return Optional.of(List.copyOf(stored));
    }

    /** How many appends shared a statement with others so far. */
    long appendsWrittenInGroups() {
        return smallAppends.itemsWrittenInGroups() + largeAppends.itemsWrittenInGroups();
    }

    /** Groups are bounded by rows and by characters, which is what a statement's size follows. */
    private static int weight(AppendMessagesStatement.Append append) {
        long characters = 0;
        for (String content : append.contents()) {
            characters += content.length();
        }
        return (int) Math.min(Integer.MAX_VALUE, characters + ROW_WEIGHT * (long) append.size());
    }

    private void writeAppends(List<WriteCombiner.Pending<AppendMessagesStatement.Append, List<Long>>> group) {
        if (group.size() > 1) {
            List<AppendMessagesStatement.Append> items = group.stream().map(WriteCombiner.Pending::item).toList();
            try {
                List<List<Long>> ids = jdbi.withHandle(handle -> AppendMessagesStatement.executeGroup(handle.getConnection(), items));
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(ids.get(i));
                }
                return;
            } catch (SQLException | JdbiException e) {
                if (!SqlStates.isRefusalOfData(e)) {
                    throw asJdbiException(e); // e.g. the connection failed: whether anything was stored is unknown
                }
                // Nothing was stored; some append was refused (or its chat deleted meanwhile): each on its own.
            }
        }
        jdbi.useHandle(handle -> {
            for (var pending : group) {
                try {
                    pending.succeed(appendAlone(handle, pending.item()));
                } catch (JdbiException e) {
                    pending.fail(e);
                }
            }
        });
    }

    /** @return the new ids, or none when the chat is not the owner's (or was deleted meanwhile) */
    private static List<Long> appendAlone(Handle handle, AppendMessagesStatement.Append append) {
        try {
            return AppendMessagesStatement.execute(handle.getConnection(), append);
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

    /** One range scan of the chat's index; the ownership is checked only when the page is empty. */
    @Override
    public Optional<List<ChatMessage>> loadMessages(UserId owner, ChatId chat, long afterId, int limit) {
        List<MessageRow> rows = messages.page(owner.value(), chat.value(), afterId, limit);
        if (rows.isEmpty() && !isOwnedChat(owner, chat)) {
            return Optional.empty();
        }
        // Rows carry the owner's id and reference the chat through it, so rows found prove the ownership.
        return Optional.of(rows.stream().map(RowMapping::toChatMessage).toList());
    }

    /**
     * Reads the newest message, then deletes it by its key; when the delete finds it gone, another caller
     * removed it first, and the next newest is tried. Each delete is atomic and locks one row, so
     * concurrent calls on one chat each remove a different message, and every round one of them succeeds.
     */
    @Override
    public Removal removeLastMessage(UserId owner, ChatId chat) {
        return jdbi.withHandle(handle -> {
            MessageDao dao = handle.attach(MessageDao.class);
            for (int attempt = 0; attempt < MAX_REMOVAL_ATTEMPTS; attempt++) {
                Optional<MessageRow> newest = dao.newest(owner.value(), chat.value());
                if (newest.isEmpty()) {
                    boolean owned = handle.attach(ChatDao.class).countOwned(owner.value(), chat.value()) > 0;
                    return owned ? new Removal.ChatIsEmpty() : new Removal.NoSuchChat();
                }
                // Messages are never changed once stored, so the row read is the row deleted.
                if (dao.delete(owner.value(), newest.get().id()) == 1) {
                    return new Removal.Removed(RowMapping.toChatMessage(newest.get()));
                }
            }
            throw new IllegalStateException("gave up removing the newest message after " + MAX_REMOVAL_ATTEMPTS + " concurrent removals");
        });
    }

    @Override
    public Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt) {
        Instant at = RowMapping.toStoredPrecision(createdAt);
        return chats.insertForRegisteredUser(owner.value(), name, model.orElse(null), at)
                .map(id -> RowMapping.toChat(new ChatRow(id, owner.value(), name, model.orElse(null), at, at)));
    }

    @Override
    public List<Chat> loadChats(UserId owner, ChatOrder order, int limit) {
        return chats.list(owner.value(), order, limit).stream().map(RowMapping::toChat).toList();
    }

    /** The rename and the read of the result share a transaction, so the answer is the renamed chat. */
    @Override
    public Optional<Chat> renameChat(UserId owner, ChatId chat, String name, Optional<String> model, Instant at) {
        Instant stored = RowMapping.toStoredPrecision(at);
        return jdbi.inTransaction(handle -> {
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
        return jdbi.inTransaction(handle -> {
            ChatDao dao = handle.attach(ChatDao.class);
            Optional<ChatRow> found = dao.find(owner.value(), chat.value());
            if (found.isEmpty() || dao.delete(owner.value(), chat.value()) == 0) {
                return Optional.<Chat>empty();
            }
            return found.map(RowMapping::toChat);
        });
    }

    @Override
    public boolean saveUserIfAbsent(UserId user) {
        return users.insertIfAbsent(user.value()) == 1;
    }

    @Override
    public boolean userExists(UserId user) {
        return users.countById(user.value()) > 0;
    }

    @Override
    public void saveSession(byte[] tokenHash, Session session) {
        sessions.insert(RowMapping.toSessionRow(tokenHash, session));
    }

    @Override
    public Optional<Session> findSessionByTokenHash(byte[] tokenHash) {
        return sessions.findByTokenHash(tokenHash).map(RowMapping::toSession);
    }

    @Override
    public boolean revokeSession(byte[] tokenHash, Instant at) {
        return sessions.revokeIfActive(tokenHash, RowMapping.toStoredPrecision(at)) == 1;
    }

    private boolean isOwnedChat(UserId owner, ChatId chat) {
        return chats.countOwned(owner.value(), chat.value()) > 0;
    }
}
