package neptun.chat.adapters.persistence.testing;

import javax.sql.DataSource;

/** A database that exists only for a test run and is removed on {@link #close()}. */
public interface TestDatabase extends AutoCloseable {
    String jdbcUrl();

    String user();

    String password();

    /** A fresh, unpooled data source for the database (one connection per {@code getConnection()}). */
    DataSource dataSource();

    /** Removes the database and everything in it. Calling it again does nothing. */
    @Override
    void close();
}
