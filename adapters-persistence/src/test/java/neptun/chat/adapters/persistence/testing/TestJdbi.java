package neptun.chat.adapters.persistence.testing;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds a {@link Jdbi} with the plugins the service's {@code JdbiFactory} installs that the store needs. */
public final class TestJdbi {
    private TestJdbi() {
    }

    /** A Jdbi that opens a new connection for each handle. */
    public static Jdbi create(String jdbcUrl, String user, String password) {
        return Jdbi.create(jdbcUrl, user, password).installPlugin(new SqlObjectPlugin());
    }

    public static Jdbi create(TestDatabase database) {
        return create(database.jdbcUrl(), database.user(), database.password());
    }
}
