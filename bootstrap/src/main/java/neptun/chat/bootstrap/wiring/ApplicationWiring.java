package neptun.chat.bootstrap.wiring;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.rest.auth.seal.NeptunSealedSessions;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.ForgetExpiredKeys;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchLimits;
import neptun.chat.application.port.out.UnsealSessionPort;
import neptun.chat.application.service.AuthenticateSessionService;
import neptun.chat.application.service.CreateChatService;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.application.service.DeleteChatService;
import neptun.chat.application.service.ExportChatService;
import neptun.chat.application.service.ForgetExpiredKeysService;
import neptun.chat.application.service.IssueSessionService;
import neptun.chat.application.service.ListChatsService;
import neptun.chat.application.service.ReadMessagesService;
import neptun.chat.application.service.RegisterUserService;
import neptun.chat.application.service.RemoveLastMessageService;
import neptun.chat.application.service.RenameChatService;
import neptun.chat.application.service.RevokeSessionService;
import neptun.chat.application.service.SearchMessagesService;
import neptun.chat.domain.SessionToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the service from its settings: the database (migrated), its JDBI, the persistence adapters and every
 * use case. The server and every command get their use cases here and nowhere else, so a setting cannot
 * apply to one and not the other.
 */
public final class ApplicationWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationWiring.class);

    private ApplicationWiring() {
    }

    /**
     * The use cases over the database, and the data source under them, which the caller stops when done;
     * {@code expiredKeys} is the server's background work of deleting expired idempotency keys.
     */
    public record Wired(UseCases useCases, ManagedDataSource dataSource, ForgetExpiredKeys expiredKeys) {
    }

    /**
     * Opens the configured database, migrates its schema and builds every use case over it. The data source
     * is managed by {@code environment}'s lifecycle (the server's); a command stops it itself.
     *
     * @throws neptun.chat.application.port.out.StoreUnavailableException when PostgreSQL cannot be reached
     */
    public static Wired wire(ChatConfiguration configuration, Environment environment) {
        return wire(configuration, environment, Clock.systemUTC());
    }

    /** The same, with every use case reading the time from {@code clock}. */
    public static Wired wire(ChatConfiguration configuration, Environment environment, Clock clock) {
        var dataSourceFactory = configuration.database();
        if (configuration.isPostgres()) {
            // First, and on a connection of its own: an unreachable database stops the start with one line
            // (before the pool logs its own failure), and a long migration is not cut off by the pool's limits.
            DatabaseMigrations.migrate(dataSourceFactory.getUrl(), configuration.migrationProperties());
        }
        var metrics = environment.metrics();
        var dataSource = new TimedDataSource(dataSourceFactory.build(metrics, "database"),
                metrics.timer(MetricRegistry.name("neptun", "database", "connectionWait")));
        try {
            if (!configuration.isPostgres()) {
                DatabaseMigrations.migrate(dataSource); // an embedded H2 database lives as long as its connections: the pool's
            }
            var jdbi = new JdbiFactory().build(environment, dataSourceFactory, dataSource, "database");
            var appendsPerGroup = metrics.histogram(MetricRegistry.name("neptun", "groupCommit", "appendsPerGroup"));
            var messagesPerGroup = metrics.histogram(MetricRegistry.name("neptun", "groupCommit", "messagesPerGroup"));
            var persistence = new JdbiPersistence(jdbi, configuration.messageWriters(), configuration.getDatabaseTimeouts().queueWait(),
                    (appends, messages) -> {
                        appendsPerGroup.update(appends);
                        messagesPerGroup.update(messages);
                    }, configuration.getSearch().textSearchConfig);
            if (!persistence.search().checkTextSearchConfig()) {
                LOG.info("No full-text index on messages serves the text search configuration '{}' (search.textSearchConfig): "
                        + "searches read every message of the user. To trade write speed for search speed (README, \"Searching and "
                        + "exporting\"): {}", persistence.search().textSearchConfig(), persistence.search().indexStatement());
            }
            var useCases = useCases(persistence, clock, configuration.messageLimits(), configuration.pageLimits(),
                    configuration.searchLimits(), configuration.keyRetention(),
                    sealedSessions(configuration.getSessions().neptun, clock, environment.getObjectMapper()));
            return new Wired(useCases, dataSource, new ForgetExpiredKeysService(persistence.idempotencyKeys(), clock));
        } catch (RuntimeException e) {
            stopQuietly(dataSource, e);
            throw e;
        }
    }

    /** Every use case over {@code persistence}, keeping idempotency keys for {@link KeyRetention#DEFAULT}. */
    public static UseCases useCases(JdbiPersistence persistence, Clock clock, MessageLimits messageLimits, PageLimits pageLimits,
                             Optional<UnsealSessionPort> seals) {
        return useCases(persistence, clock, messageLimits, pageLimits, KeyRetention.DEFAULT, seals);
    }

    /** Every use case over {@code persistence}, with {@link SearchLimits#DEFAULT}. */
    public static UseCases useCases(JdbiPersistence persistence, Clock clock, MessageLimits messageLimits, PageLimits pageLimits,
                             KeyRetention keyRetention, Optional<UnsealSessionPort> seals) {
        return useCases(persistence, clock, messageLimits, pageLimits, SearchLimits.DEFAULT, keyRetention, seals);
    }

    /** Every use case over {@code persistence}. */
    public static UseCases useCases(JdbiPersistence persistence, Clock clock, MessageLimits messageLimits, PageLimits pageLimits,
                             SearchLimits searchLimits, KeyRetention keyRetention, Optional<UnsealSessionPort> seals) {
        var chats = persistence.chats();
        var messages = persistence.messages();
        var users = persistence.users();
        var sessions = persistence.sessions();
        var random = new SecureRandom();
        return new UseCases(
                new CreateMessagesService(messages, clock, messageLimits, keyRetention),
                new ReadMessagesService(messages, pageLimits),
                new RemoveLastMessageService(messages, clock, keyRetention),
                new CreateChatService(chats, clock, keyRetention),
                new ListChatsService(chats, pageLimits),
                new RenameChatService(chats, clock, keyRetention),
                new DeleteChatService(chats, clock, keyRetention),
                new RegisterUserService(users),
                new IssueSessionService(users, sessions, () -> SessionToken.generate(random), clock),
                new RevokeSessionService(sessions, clock),
                new AuthenticateSessionService(sessions, seals, users, clock),
                new SearchMessagesService(persistence.search(), searchLimits),
                new ExportChatService(chats, messages));
    }

    /** The neptun web UI's sealed cookies, or none while no password is set. */
    private static Optional<UnsealSessionPort> sealedSessions(ChatConfiguration.NeptunSessions settings, Clock clock,
                                                              ObjectMapper mapper) {
        return settings.password().map(password -> new NeptunSealedSessions(password, settings.maxAge(), clock, mapper));
    }

    private static void stopQuietly(ManagedDataSource dataSource, RuntimeException cause) {
        try {
            dataSource.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
