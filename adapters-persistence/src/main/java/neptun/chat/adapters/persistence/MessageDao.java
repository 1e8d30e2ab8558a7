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
     * A keyset page: a range scan of messages_user_chat_id_idx that starts right after {@code after}, so
     * its cost does not depend on how many messages precede it. The ORDER BY names the whole index key
     * (user_id and chat_id are fixed anyway) because only then does H2 read the index in order and stop
     * at the limit instead of sorting the whole chat; PostgreSQL plans both forms alike.
     */
    @SqlQuery("""
            select id, chat_id, user_id, content, actor, created_at
            from messages
            where user_id = :owner and chat_id = :chat and id > :after
            order by user_id, chat_id, id
            limit :limit
            """)
    List<MessageRow> page(@Bind("owner") String owner, @Bind("chat") long chat, @Bind("after") long after,
            @Bind("limit") int limit);

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
