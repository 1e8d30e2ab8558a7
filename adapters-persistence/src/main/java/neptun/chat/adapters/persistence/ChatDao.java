package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ChatDao {
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
}
