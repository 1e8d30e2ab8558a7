package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface MessageDao {
    /**
     * Inserts one row per array element, in array order, if the chat is the owner's; one statement, so all
     * rows or none. The sort makes the identity values follow the array order.
     *
     * @return the new ids (none when the chat is not the owner's)
     */
    @SqlUpdate("""
            insert into messages (user_id, chat_id, content, actor, created_at)
            select cast(:owner as text), cast(:chat as bigint), t.content, t.actor,
                   cast(:createdAt as timestamp with time zone)
            from unnest(cast(:contents as text array), cast(:actors as text array)) with ordinality as t(content, actor, ord)
            where exists (select 1 from chats c where c.user_id = :owner and c.id = :chat)
            order by t.ord
            """)
    @GetGeneratedKeys("id")
    List<Long> appendToOwnedChat(@Bind("owner") String owner, @Bind("chat") long chat,
            @Bind("contents") String[] contents, @Bind("actors") String[] actors, @Bind("createdAt") Instant createdAt);

    @SqlQuery("select count(*) from chats where user_id = :owner and id = :chat")
    int countOwnedChats(@Bind("owner") String owner, @Bind("chat") long chat);
}
