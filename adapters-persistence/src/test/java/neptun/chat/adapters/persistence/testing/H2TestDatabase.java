package neptun.chat.adapters.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A new in-memory H2 database in PostgreSQL mode, with the flags the service uses. It lives until
 * {@link #close()}, even while no connection is open.
 */
public final class H2TestDatabase implements TestDatabase {
    private static final String FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private final String name;
    private boolean closed;

    private H2TestDatabase(String name) {
        this.name = name;
    }

    /** A uniquely named database; it is created by the first connection. */
    public static H2TestDatabase create() {
        return new H2TestDatabase("neptun_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:h2:mem:" + name + FLAGS;
    }

    @Override
    public String user() {
        return "sa";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public DataSource dataSource() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl());
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    /** Shuts the database down, which discards it and closes connections still open to it. */
    @Override
    public synchronized void close() {
        if (!closed) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), password());
                    Statement statement = connection.createStatement()) {
                statement.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException("could not shut down H2 database " + name, e);
            }
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "H2 database " + name;
    }
}
