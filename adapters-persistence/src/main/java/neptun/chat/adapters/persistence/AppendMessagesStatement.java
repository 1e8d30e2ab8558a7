package neptun.chat.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The insert on the write path of every chat turn, in plain JDBC on a handle's connection. Through a SQL
 * object the statement cost the service more CPU than the database spent running it (template rendering
 * and SQL parsing on every call, per-statement configuration, argument resolution); the SQL and the
 * bindings are the ones JDBI used.
 */
final class AppendMessagesStatement {
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

    private AppendMessagesStatement() {
    }

    /** @return the new ids (none when the chat is not the owner's) */
    static List<Long> execute(Connection connection, String owner, long chat, String[] contents, String[] actors,
                              Instant createdAt) throws SQLException {
        List<Long> ids = new ArrayList<>(contents.length);
        Array contentArray = connection.createArrayOf("varchar", contents);
        Array actorArray = connection.createArrayOf("varchar", actors);
        try (PreparedStatement statement = connection.prepareStatement(SQL, new String[] {"id"})) {
            statement.setString(1, owner);
            statement.setLong(2, chat);
            statement.setTimestamp(3, Timestamp.from(createdAt));
            statement.setArray(4, contentArray);
            statement.setArray(5, actorArray);
            statement.setString(6, owner);
            statement.setLong(7, chat);
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
        return ids;
    }
}
