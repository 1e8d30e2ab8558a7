package neptun.chat.adapters.persistence;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface MessageDao {
    @SqlQuery("select count(*) from chats where user_id = :owner and id = :chat")
    int countOwnedChats(@Bind("owner") String owner, @Bind("chat") long chat);
}
