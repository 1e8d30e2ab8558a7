package neptun.chat.bootstrap;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.application.UseCases;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The use cases over the configured database, for one command-line run. */
public final class CliCore implements AutoCloseable {
    private final ManagedDataSource dataSource;
    private final UseCases core;
    private final ChatConfiguration configuration;

    private CliCore(ManagedDataSource dataSource, UseCases core, ChatConfiguration configuration) {
        this.dataSource = dataSource;
        this.core = core;
        this.configuration = configuration;
    }

    public static CliCore open(ChatConfiguration configuration, MetricRegistry metrics, ObjectMapper mapper) throws Exception {
        var dataSource = configuration.database().build(metrics, "cli");
        dataSource.start();
        try {
            DatabaseMigrations.migrate(dataSource);
            var persistence = new JdbiPersistence(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
            var clock = Clock.systemUTC();
            var core = ChatCore.over(persistence, clock, configuration.messageLimits(), configuration.pageLimits(),
                    SealedSessions.fromSettings(configuration.getSessions().neptun, clock, mapper));
            return new CliCore(dataSource, core, configuration);
        } catch (RuntimeException e) {
            dataSource.stop();
            throw e;
        }
    }

    public UseCases core() {
        return core;
    }

    public ChatConfiguration configuration() {
        return configuration;
    }

    @Override
    public void close() throws Exception {
        dataSource.stop();
    }
}
