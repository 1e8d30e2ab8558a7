package neptun.chat.bootstrap.wiring;

import com.codahale.metrics.Timer;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/** The pool, timing how long each request for a connection waits (validation and connecting included). */
final class TimedDataSource implements ManagedDataSource {
    private final ManagedDataSource pool;
    private final Timer waits;

    TimedDataSource(ManagedDataSource pool, Timer waits) {
        this.pool = pool;
        this.waits = waits;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try (var timing = waits.time()) {
            return pool.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try (var timing = waits.time()) {
            return pool.getConnection(username, password);
        }
    }

    @Override
    public void start() throws Exception {
        pool.start();
    }

    @Override
    public void stop() throws Exception {
        pool.stop();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(pool) || pool.isWrapperFor(type);
    }
}
