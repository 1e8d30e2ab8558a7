package neptun.chat.adapters.persistence;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.out.LoadSessionPort;
import neptun.chat.application.port.out.LoadUserPort;
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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Stores users, sessions, chats and messages in PostgreSQL or H2 (PostgreSQL mode) through JDBI. Every
 * port call is a single SQL statement, so each is atomic on its own. Instants are stored to the
 * microsecond (finer parts are cut off first, so what a call returns equals what a later read returns).
 * Failures of the database surface as JDBI's unchecked exceptions.
 */
public class JdbiChatStore
        implements SaveMessagesPort, LoadSessionPort, SaveSessionPort, SaveUserPort, LoadUserPort, SaveChatPort {
    private final Jdbi jdbi;
    private final MessageDao messages;
    private final ChatDao chats;
    private final UserDao users;
    private final SessionDao sessions;

    /** Uses {@code jdbi}, installing {@link SqlObjectPlugin} unless it already is (installing it twice is a no-op). */
    public JdbiChatStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi").installPlugin(new SqlObjectPlugin());
        this.messages = jdbi.onDemand(MessageDao.class);
        this.chats = jdbi.onDemand(ChatDao.class);
        this.users = jdbi.onDemand(UserDao.class);
        this.sessions = jdbi.onDemand(SessionDao.class);
    }

    /** The ownership check and all inserts are one statement; messages' ids follow their order in the list. */
    @Override
    public Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> newMessages, Instant createdAt) {
        Instant at = RowMapping.toStoredPrecision(createdAt);
        if (newMessages.isEmpty()) {
            return isOwnedChat(owner, chat) ? Optional.of(List.of()) : Optional.empty();
        }
        String[] contents = newMessages.stream().map(m -> m.content().value()).toArray(String[]::new);
        String[] actors = newMessages.stream().map(m -> m.actor().wireName()).toArray(String[]::new);
        List<Long> ids;
        try {
            ids = jdbi.withHandle(handle -> AppendMessagesStatement.execute(handle.getConnection(),
                    owner.value(), chat.value(), contents, actors, at));
        } catch (SQLException | JdbiException e) {
            if (SqlStates.isMissingReferencedRow(e)) {
                return Optional.empty(); // the chat was deleted while the insert ran; nothing was stored
            }
            throw e instanceof JdbiException jdbiException ? jdbiException
                    : new UnableToExecuteStatementException("appending messages failed", e, null);
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ascending = ids.stream().sorted().toList();
        List<ChatMessage> stored = new ArrayList<>(newMessages.size());
        for (int i = 0; i < newMessages.size(); i++) {
            stored.add(RowMapping.toChatMessage(new MessageRow(ascending.get(i), chat.value(), owner.value(),
                    contents[i], actors[i], at)));
        }
        return Optional.of(List.copyOf(stored));
    }

    @Override
    public Optional<Chat> insertChat(UserId owner, String name, Optional<String> model, Instant createdAt) {
        Instant at = RowMapping.toStoredPrecision(createdAt);
        return chats.insertForRegisteredUser(owner.value(), name, model.orElse(null), at)
                .map(id -> RowMapping.toChat(new ChatRow(id, owner.value(), name, model.orElse(null), at, at)));
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
        return messages.countOwnedChats(owner.value(), chat.value()) > 0;
    }
}
