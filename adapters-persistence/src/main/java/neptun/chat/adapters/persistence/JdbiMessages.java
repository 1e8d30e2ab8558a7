package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import neptun.chat.application.port.out.LoadMessagesPort;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Messages, in {@code messages}. Appending never writes (or locks) the chat's row: the insert checks that
 * the chat is the owner's in the same statement. Reads ask {@link ChatDao} whether a chat is the owner's
 * only when the messages found cannot tell (rows carry their owner's id).
 */
public final class JdbiMessages implements SaveMessagesPort, LoadMessagesPort, RemoveLastMessagePort {
    /** Far more than concurrent removals on one chat could need: each round, one of them succeeds. */
    private static final int MAX_REMOVAL_ATTEMPTS = 1_000;

    private final Jdbi jdbi;
    private final MessageDao messages;
    private final ChatDao chats;
    private final GroupCommit groupCommit;

    JdbiMessages(Jdbi jdbi, GroupCommit groupCommit) {
        this.jdbi = jdbi;
        this.messages = jdbi.onDemand(MessageDao.class);
        this.chats = jdbi.onDemand(ChatDao.class);
        this.groupCommit = groupCommit;
    }

    /**
     * The ownership check and all inserts are one statement; messages' ids follow their order in the list.
     * Concurrent appends share statements ({@link GroupCommit}); each call still returns only after its own
     * messages are committed, and succeeds or fails on its own as if it had been written alone.
     *
     * @throws IllegalArgumentException when {@code newMessages} is empty (the service refuses empty batches;
     *     an empty insert could not tell the owner's chat from someone else's)
     */
    @Override
    public Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> newMessages, Instant createdAt) {
        if (newMessages.isEmpty()) {
            throw new IllegalArgumentException("no messages to append");
        }
        Instant at = RowMapping.toStoredPrecision(createdAt);
        String[] contents = newMessages.stream().map(m -> m.content().value()).toArray(String[]::new);
        String[] actors = newMessages.stream().map(m -> m.actor().wireName()).toArray(String[]::new);
        List<Long> ids = groupCommit.append(new AppendMessagesStatement.Append(owner.value(), chat.value(), contents, actors, at));
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

    /** One range scan of the chat's index; the ownership is checked only when the page is empty. */
    @Override
    public Optional<List<ChatMessage>> loadMessages(UserId owner, ChatId chat, long afterId, int limit) {
        return StoreFailures.read(() -> {
            List<MessageRow> rows = messages.page(owner.value(), chat.value(), afterId, limit);
            if (rows.isEmpty() && !isOwnedChat(owner, chat)) {
                return Optional.empty();
            }
            // Rows carry the owner's id and reference the chat through it, so rows found prove the ownership.
            return Optional.of(rows.stream().map(RowMapping::toChatMessage).toList());
        });
    }

    /**
     * Reads the newest message, then deletes it by its key; when the delete finds it gone, another caller
     * removed it first, and the next newest is tried. Each delete is atomic and locks one row, so
     * concurrent calls on one chat each remove a different message, and every round one of them succeeds.
     */
    @Override
    public Removal removeLastMessage(UserId owner, ChatId chat) {
        return StoreFailures.write(() -> jdbi.withHandle(handle -> {
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
        }));
    }

    private boolean isOwnedChat(UserId owner, ChatId chat) {
        return chats.countOwned(owner.value(), chat.value()) > 0;
    }
}
