package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import neptun.chat.application.port.in.ChatOrder;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ChatRow.class)
interface ChatDao {
    /**
     * Chats with their effective updated_at: the later of the row's own (moved by renames) and the
     * created_at of the chat's newest message. Appending messages never writes the chats row, so writers
     * of one chat do not queue on it. The newest message is one backward step on messages_user_chat_id_idx;
     * the ORDER BY names the whole index key because only then does H2 read the index in order.
     */
    String CHATS_WITH_EFFECTIVE_UPDATED_AT = """
            select c.id, c.user_id, c.name, c.model, c.created_at,
                   coalesce(greatest(c.updated_at,
                                     (select m.created_at from messages m
                                      where m.user_id = c.user_id and m.chat_id = c.id
                                      order by m.user_id desc, m.chat_id desc, m.id desc
                                      limit 1)),
                            c.updated_at) as updated_at
            from chats c
            """;

    /** Inserts a chat with updated_at = created_at if the owner is a registered user; @return its id, or empty. */
    @SqlUpdate("""
            insert into chats (user_id, name, model, created_at, updated_at)
            select u.id, cast(:name as text), cast(:model as text),
                   cast(:createdAt as timestamp with time zone), cast(:createdAt as timestamp with time zone)
            from users u
            where u.id = :owner
            """)
    @GetGeneratedKeys("id")
    Optional<Long> insertForRegisteredUser(@Bind("owner") String owner, @Bind("name") String name,
            @Bind("model") String model, @Bind("createdAt") Instant createdAt);

    @SqlQuery(CHATS_WITH_EFFECTIVE_UPDATED_AT + "where c.user_id = :owner and c.id = :chat")
    Optional<ChatRow> find(@Bind("owner") String owner, @Bind("chat") long chat);

    /** The owner's chats as the derived table {@code t}, so that an ORDER BY can name the effective updated_at. */
    String CHATS_OF_OWNER = "select * from (" + CHATS_WITH_EFFECTIVE_UPDATED_AT + "where c.user_id = :owner) t ";

    /**
     * Locks the owner's chat until the end of the transaction, which makes conditional writes of one chat
     * take turns; on PostgreSQL every insert into the chat waits for it too (its foreign-key check takes a
     * key-share lock, which this conflicts with). @return the chat's id, or empty when it is not the owner's
     */
    @SqlQuery("select id from chats where user_id = :owner and id = :chat for update")
    Optional<Long> lockOwned(@Bind("owner") String owner, @Bind("chat") long chat);

    /** The owner's first {@code limit} chats in {@code order}; ties go by id in the same direction, so the order is total. */
    default List<ChatRow> list(String owner, ChatOrder order, int limit) {
        return switch (order) {
            case UPDATED_AT_DESC -> listByUpdatedAtDesc(owner, limit);
            case UPDATED_AT_ASC -> listByUpdatedAtAsc(owner, limit);
            case CREATED_AT_DESC -> listByCreatedAtDesc(owner, limit);
            case CREATED_AT_ASC -> listByCreatedAtAsc(owner, limit);
        };
    }

    @SqlQuery(CHATS_OF_OWNER + "order by t.updated_at desc, t.id desc limit :limit")
    List<ChatRow> listByUpdatedAtDesc(@Bind("owner") String owner, @Bind("limit") int limit);

    @SqlQuery(CHATS_OF_OWNER + "order by t.updated_at asc, t.id asc limit :limit")
    List<ChatRow> listByUpdatedAtAsc(@Bind("owner") String owner, @Bind("limit") int limit);

    @SqlQuery(CHATS_OF_OWNER + "order by t.created_at desc, t.id desc limit :limit")
    List<ChatRow> listByCreatedAtDesc(@Bind("owner") String owner, @Bind("limit") int limit);

    @SqlQuery(CHATS_OF_OWNER + "order by t.created_at asc, t.id asc limit :limit")
    List<ChatRow> listByCreatedAtAsc(@Bind("owner") String owner, @Bind("limit") int limit);

    /**
     * Sets the name, and the model unless {@code model} is null, and moves updated_at to {@code at} unless
     * it is later already. @return 1 when the owner's chat was changed, else 0
     */
    @SqlUpdate("""
            update chats
            set name = cast(:name as text),
                model = coalesce(cast(:model as text), model),
                updated_at = greatest(updated_at, cast(:at as timestamp with time zone))
            where user_id = :owner and id = :chat
            """)
    int rename(@Bind("owner") String owner, @Bind("chat") long chat, @Bind("name") String name,
            @Bind("model") String model, @Bind("at") Instant at);

    /** Deletes the chat; its messages go with it (on delete cascade). @return the number of chats deleted */
    @SqlUpdate("delete from chats where user_id = :owner and id = :chat")
    int delete(@Bind("owner") String owner, @Bind("chat") long chat);
}
