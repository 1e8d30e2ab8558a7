package neptun.chat.adapters.persistence;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface UserDao {
    /** @return 1 when this call inserted the user, 0 when it existed (also under concurrent inserts). */
    @SqlUpdate("insert into users (id) values (:id) on conflict do nothing")
    int insertIfAbsent(@Bind("id") String id);

    @SqlQuery("select count(*) from users where id = :id")
    int countById(@Bind("id") String id);
}
