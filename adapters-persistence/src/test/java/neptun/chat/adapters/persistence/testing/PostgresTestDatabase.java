package neptun.chat.adapters.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new, empty PostgreSQL database (UTF-8) on the server named by the system properties
 * {@code test.postgres.url} and {@code test.postgres.user} (optional {@code test.postgres.password}), whose
 * user may create databases. {@link #close()} drops it, ending any connections still open to it. A server
 * that cannot be reached makes {@link #create()} fail: tests that need PostgreSQL never skip.
 */
public final class PostgresTestDatabase implements TestDatabase {
    static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String DEFAULT_ADMIN_USER = "postgres";
    private static final String URL_PREFIX = "jdbc:postgresql://";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private boolean dropped;

    private PostgresTestDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates a uniquely named database. */
    public static PostgresTestDatabase create() {
        var database = new PostgresTestDatabase(
                System.getProperty("test.postgres.url", DEFAULT_ADMIN_URL),
                System.getProperty("test.postgres.user", DEFAULT_ADMIN_USER),
                System.getProperty("test.postgres.password", ""),
                "neptun_test_" + UUID.randomUUID().toString().replace("-", ""));
        // template0 so nothing left in template1 leaks in, and UTF-8 whatever the server's default is.
        database.executeAsAdmin("create database \"" + database.name + "\" template template0 encoding 'UTF8'");
        return database;
    }

    /** The database's name (lower case letters, digits and underscores). */
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return withDatabase(adminUrl, name);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public DataSource dataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public synchronized void close() {
        if (!dropped) {
            executeAsAdmin("drop database if exists \"" + name + "\" with (force)");
            dropped = true;
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL database " + name;
    }

    /** {@code url} with its database replaced by {@code database}, keeping hosts and parameters. */
    static String withDatabase(String url, String database) {
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + url);
        }
        int query = url.indexOf('?', URL_PREFIX.length());
        int path = url.indexOf('/', URL_PREFIX.length());
        int hostsEnd = path >= 0 && (query < 0 || path < query) ? path : query >= 0 ? query : url.length();
        return url.substring(0, hostsEnd) + "/" + database + (query >= 0 ? url.substring(query) : "");
    }

    private void executeAsAdmin(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " as " + user + " failed: " + sql, e);
        }
    }
}
