package neptun.chat.adapters.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(MessageRow.class)
interface MessageDao {
    /**
     * The id of the chat's newest message, 0 when it has none: one backward step on messages_user_chat_id_idx
     * (the whole key in the ORDER BY for H2's sake, as in {@link #page}).
     */
    String LAST_MESSAGE_ID = """
            coalesce((select n.id from messages n
                      where n.user_id = :owner and n.chat_id = :chat
                      order by n.user_id desc, n.chat_id desc, n.id desc
                      limit 1), 0)""";

    /**
     * A keyset page: a range scan of messages_user_chat_id_idx that starts right after {@code after}, so
     * its cost does not depend on how many messages precede it. The ORDER BY names the whole index key
     * (user_id and chat_id are fixed anyway) because only then does H2 read the index in order and stop
     * at the limit instead of sorting the whole chat; PostgreSQL plans both forms alike. Each row carries
     * the chat's newest message id, read by the same statement and so at the same moment as the page.
     */
    @SqlQuery("select id, chat_id, user_id, content, actor, created_at, " + LAST_MESSAGE_ID + """
             as last_message_id
            from messages
            where user_id = :owner and chat_id = :chat and id > :after
            order by user_id, chat_id, id
            limit :limit
            """)
    @RegisterConstructorMapper(MessagePageRow.class)
    List<MessagePageRow> page(@Bind("owner") String owner, @Bind("chat") long chat, @Bind("after") long after,
            @Bind("limit") int limit);

    /** The id of the chat's newest message (0 for none) if the chat is the owner's, else empty. */
    @SqlQuery("select " + LAST_MESSAGE_ID + " from chats c where c.user_id = :owner and c.id = :chat")
    Optional<Long> lastMessageIdOfOwnedChat(@Bind("owner") String owner, @Bind("chat") long chat);

    /** The id of the chat's newest message, 0 when it has none. */
    @SqlQuery("select " + LAST_MESSAGE_ID)
    long lastMessageId(@Bind("owner") String owner, @Bind("chat") long chat);

    /**
     * The chat's newest message: one backward step on messages_user_chat_id_idx (the whole key in the
     * ORDER BY for H2's sake, as in {@link #page}). Not locked: H2 would lock every row of the chat.
     */
    @SqlQuery("""
            select id, chat_id, user_id, content, actor, created_at
            from messages
            where user_id = :owner and chat_id = :chat
            order by user_id desc, chat_id desc, id desc
            limit 1
            """)
    Optional<MessageRow> newest(@Bind("owner") String owner, @Bind("chat") long chat);

    /** @return 1 when this call deleted the message, 0 when it was gone (a concurrent delete waits, then finds it gone) */
    @SqlUpdate("delete from messages where user_id = :owner and id = :id")
    int delete(@Bind("owner") String owner, @Bind("id") long id);
}
