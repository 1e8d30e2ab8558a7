package neptun.chat.bootstrap;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.bootstrap.wiring.ApplicationWiring;

/** The application on a test class's own PostgreSQL database, and the use cases over that database for provisioning. */
final class TestApp {
    private TestApp() {
    }

    /** The application with the built-in defaults, on free ports and {@code database}, quiet, with {@code overrides} on top. */
    static DropwizardAppExtension<ChatConfiguration> on(TestDatabase database, ConfigOverride... overrides) {
        return on(ChatApplication.class, database, database.jdbcUrl(), overrides);
    }

    /** The same, reaching {@code database} through {@code jdbcUrl} (e.g. a proxy's). */
    static DropwizardAppExtension<ChatConfiguration> on(PostgresTestDatabase database, String jdbcUrl, ConfigOverride... overrides) {
        return on(ChatApplication.class, database, jdbcUrl, overrides);
    }

    /** The same for a subclass of the application (one with a clock of its own, say). */
    static DropwizardAppExtension<ChatConfiguration> on(Class<? extends ChatApplication> application, PostgresTestDatabase database,
                                                        ConfigOverride... overrides) {
        return on(application, database, database.jdbcUrl(), overrides);
    }

    private static DropwizardAppExtension<ChatConfiguration> on(Class<? extends ChatApplication> application,
            TestDatabase database, String jdbcUrl, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", jdbcUrl),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password()),
                ConfigOverride.config("logging.level", "OFF")));
        all.addAll(List.of(overrides));
        return new DropwizardAppExtension<>(application, (String) null, all.toArray(ConfigOverride[]::new));
    }

    static Jdbi jdbi(PostgresTestDatabase database) {
        return Jdbi.create(database.jdbcUrl(), database.user(), database.password()).installPlugin(new SqlObjectPlugin());
    }

    /** The use cases over {@code jdbi}'s database, wired as the server and the commands wire them, with default limits. */
    static UseCases core(Jdbi jdbi) {
        return ApplicationWiring.useCases(new JdbiPersistence(jdbi), Clock.systemUTC(), MessageLimits.DEFAULT, PageLimits.DEFAULT,
                Optional.empty());
    }
}
