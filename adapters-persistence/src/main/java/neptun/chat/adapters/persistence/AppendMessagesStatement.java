package neptun.chat.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;

/**
 * The insert on the write path of every chat turn, in plain JDBC on a handle's connection. Through a SQL
 * object the statement cost the service more CPU than the database spent running it (template rendering
 * and SQL parsing on every call, per-statement configuration, argument resolution); the SQL and the
 * bindings are the ones JDBI used.
 */
final class AppendMessagesStatement {
    /**
     * Messages for one chat, all with the same creation time, and the idempotency key to record with them
     * (null for none). The messages are the use case's, already valid: what was stored is made from them, not
     * checked again. The arrays are what the statements bind.
     */
    static final class Append {
        private final UserId ownerId;
        private final ChatId chatId;
        private final List<NewMessage> messages;
        private final Instant createdAt;
        private final KeyRecord<List<ChatMessage>> key;
        private final String[] contents;
        private final String[] actors;

        Append(UserId owner, ChatId chat, List<NewMessage> messages, Instant createdAt, KeyRecord<List<ChatMessage>> key) {
            this.ownerId = Objects.requireNonNull(owner, "owner");
            this.chatId = Objects.requireNonNull(chat, "chat");
            this.messages = List.copyOf(messages);
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            this.key = key;
            this.contents = new String[this.messages.size()];
            this.actors = new String[this.messages.size()];
            for (int i = 0; i < contents.length; i++) {
                contents[i] = this.messages.get(i).content().value();
                actors[i] = this.messages.get(i).actor().wireName();
            }
        }

        /** An append without idempotency key. */
        Append(UserId owner, ChatId chat, List<NewMessage> messages, Instant createdAt) {
            this(owner, chat, messages, createdAt, null);
        }

        String owner() {
            return ownerId.value();
        }

        long chat() {
            return chatId.value();
        }

        String[] contents() {
            return contents;
        }

        String[] actors() {
            return actors;
        }

        Instant createdAt() {
            return createdAt;
        }

        KeyRecord<List<ChatMessage>> key() {
            return key;
        }

        int size() {
            return contents.length;
        }

        /** The messages as stored with {@code ids}, in the append's order. */
        List<ChatMessage> stored(List<Long> ids) {
            List<ChatMessage> stored = new ArrayList<>(size());
            for (int i = 0; i < size(); i++) {
                NewMessage message = messages.get(i);
                stored.add(new ChatMessage(new MessageId(ids.get(i)), chatId, ownerId, message.content(), message.actor(), createdAt));
            }
            return List.copyOf(stored);
        }

        /** The row that records this append's key, stored with {@code ids}. */
        RecordKeyStatement.KeyRow keyRow(List<Long> ids) {
            return RecordKeyStatement.KeyRow.of(key, stored(ids));
        }
    }

    /**
     * Inserts one row per array element, in array order, if the chat is the owner's; one statement, so all
     * rows or none. The sort makes the identity values follow the array order.
     */
    static final String SQL = """
            insert into messages (user_id, chat_id, content, actor, created_at)
            select cast(? as text), cast(? as bigint), t.content, t.actor,
                   cast(? as timestamp with time zone)
            from unnest(cast(? as text array), cast(? as text array)) with ordinality as t(content, actor, ord)
            where exists (select 1 from chats c where c.user_id = ? and c.id = ?)
            order by t.ord
            """;

    /**
     * The same for the appends of several callers at once: each row names its owner and chat, and is
     * inserted if that chat is the owner's. Creation times travel as ISO-8601 text, which both databases
     * read exactly, whatever the JVM's time zone.
     */
    static final String GROUP_SQL = """
            insert into messages (user_id, chat_id, content, actor, created_at)
            select t.owner, t.chat, t.content, t.actor, cast(t.created_at as timestamp with time zone)
            from unnest(cast(? as text array), cast(? as bigint array), cast(? as text array),
                        cast(? as text array), cast(? as text array))
                 with ordinality as t(owner, chat, content, actor, created_at, ord)
            where exists (select 1 from chats c where c.user_id = t.owner and c.id = t.chat)
            order by t.ord
            """;

    private AppendMessagesStatement() {
    }

    /** @return the new ids in the append's order (none when the chat is not the owner's) */
    static List<Long> execute(Connection pooled, Append append) throws SQLException {
        Connection connection = unpooled(pooled);
        List<Long> ids = new ArrayList<>(append.size());
        Array contentArray = connection.createArrayOf("varchar", append.contents());
        Array actorArray = connection.createArrayOf("varchar", append.actors());
        try (PreparedStatement statement = connection.prepareStatement(SQL, new String[] {"id"})) {
            statement.setString(1, append.owner());
            statement.setLong(2, append.chat());
            statement.setTimestamp(3, Timestamp.from(append.createdAt()));
            statement.setArray(4, contentArray);
            statement.setArray(5, actorArray);
            statement.setString(6, append.owner());
            statement.setLong(7, append.chat());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        } finally {
            contentArray.free();
            actorArray.free();
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Inserts several appends in one statement, so in one transaction: all of them or none (a failure of
     * one fails them all).
     *
     * @return for each append, in the given order, its new ids in its own order (none when its chat is not
     *     its owner's)
     */
    static List<List<Long>> executeGroup(Connection pooled, List<Append> appends) throws SQLException {
        Connection connection = unpooled(pooled);
        int rows = appends.stream().mapToInt(Append::size).sum();
        String[] owners = new String[rows];
        Long[] chats = new Long[rows];
        String[] contents = new String[rows];
        String[] actors = new String[rows];
        String[] createdAts = new String[rows];
        int row = 0;
        for (Append append : appends) {
            String createdAt = append.createdAt().toString();
            for (int i = 0; i < append.size(); i++, row++) {
                owners[row] = append.owner();
                chats[row] = append.chat();
                contents[row] = append.contents()[i];
                actors[row] = append.actors()[i];
                createdAts[row] = createdAt;
            }
        }
        Map<ChatKey, List<Long>> idsByChat = new HashMap<>();
        Array[] arrays = {
            connection.createArrayOf("varchar", owners), connection.createArrayOf("bigint", chats),
            connection.createArrayOf("varchar", contents), connection.createArrayOf("varchar", actors),
            connection.createArrayOf("varchar", createdAts)};
        try (PreparedStatement statement = connection.prepareStatement(GROUP_SQL, new String[] {"id", "user_id", "chat_id"})) {
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                while (keys.next()) {
                    idsByChat.computeIfAbsent(new ChatKey(keys.getString(2), keys.getLong(3)), k -> new ArrayList<>())
                            .add(keys.getLong(1));
                }
            }
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
        return splitByAppend(appends, idsByChat);
    }

    /**
     * The driver's own connection behind the pool's. The pool wraps every statement and result set it hands
     * out in a reflective proxy, so each {@code next()} and {@code getLong()} of a group's hundreds of returned
     * rows cost a reflective call. The statements here are closed before the connection goes back to the pool.
     */
    private static Connection unpooled(Connection connection) throws SQLException {
        return connection.unwrap(Connection.class);
    }

    private record ChatKey(String owner, long chat) {
    }

    /**
     * Ids follow the rows' order, and the rows of one chat were either all inserted or none (one ownership
     * check, one snapshot), so each chat's ascending ids go to its appends in turn.
     */
    private static List<List<Long>> splitByAppend(List<Append> appends, Map<ChatKey, List<Long>> idsByChat) {
        Map<ChatKey, Iterator<Long>> next = new HashMap<>();
        idsByChat.forEach((chat, ids) -> {
            ids.sort(null);
            next.put(chat, ids.iterator());
        });
        List<List<Long>> result = new ArrayList<>(appends.size());
        for (Append append : appends) {
            Iterator<Long> ids = next.get(new ChatKey(append.owner(), append.chat()));
            List<Long> own = new ArrayList<>(append.size());
            for (int i = 0; ids != null && i < append.size(); i++) {
                if (!ids.hasNext()) {
                    throw new IllegalStateException("fewer rows inserted than appended for a chat");
                }
                own.add(ids.next());
            }
            result.add(own);
        }
        if (next.values().stream().anyMatch(Iterator::hasNext)) {
            throw new IllegalStateException("more rows inserted than appended for a chat");
        }
        return result;
    }
}
