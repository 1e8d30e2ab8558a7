package neptun.chat.adapters.persistence;

import java.util.Properties;
import javax.sql.DataSource;
import neptun.chat.application.port.out.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a PostgreSQL or H2 (PostgreSQL mode) database to the current schema. */
public final class DatabaseMigrations {
    static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    /**
     * Applies every pending migration; does nothing when the schema is current.
     *
     * @throws StoreUnavailableException when the database cannot be reached (its message is one line that says
     *     why, e.g. {@code the database is not reachable: Connection to 127.0.0.1:5432 refused. ...})
     */
    public static void migrate(DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            RuntimeException translated = StoreFailures.translate(e, false);
            throw translated instanceof StoreUnavailableException ? translated : e;
        }
    }

    /**
     * As {@link #migrate(DataSource)}, on connections of its own opened with the driver's {@code properties}
     * (user, password, settings), not a pool's: a migration may run longer than the time limits a pool's
     * connections carry for requests.
     */
    public static void migrate(String url, Properties properties) {
        migrate(new DriverManagerDataSource(url, properties));
    }
}
