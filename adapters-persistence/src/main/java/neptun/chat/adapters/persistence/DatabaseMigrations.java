package neptun.chat.adapters.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a PostgreSQL or H2 (PostgreSQL mode) database to the current schema. */
public final class DatabaseMigrations {
    static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    /** Applies every pending migration; does nothing when the schema is current. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
