package neptun.chat.bootstrap;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.rest.RestAdapter;
import neptun.chat.bootstrap.cli.AddUserCliCommand;
import neptun.chat.bootstrap.cli.CreateChatCliCommand;
import neptun.chat.bootstrap.cli.ImportMessagesCliCommand;
import neptun.chat.bootstrap.cli.IssueSessionCliCommand;
import neptun.chat.bootstrap.cli.MigrateCliCommand;
import neptun.chat.bootstrap.cli.RevokeSessionCliCommand;
import neptun.chat.bootstrap.cli.VersionCliCommand;

/** The neptun-chat service: wiring reads top to bottom, every collaborator built here with {@code new}. */
public class ChatApplication extends Application<ChatConfiguration> {
    public static void main(String[] args) throws Exception {
        new ChatApplication().run(args);
    }

    @Override
    public String getName() {
        return "neptun-chat";
    }

    @Override
    public void initialize(Bootstrap<ChatConfiguration> bootstrap) {
        bootstrap.setConfigurationFactoryFactory(new DefaultConfigurationFactoryFactory<>());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.addCommand(new MigrateCliCommand());
        bootstrap.addCommand(new AddUserCliCommand());
        bootstrap.addCommand(new IssueSessionCliCommand());
        bootstrap.addCommand(new RevokeSessionCliCommand());
        bootstrap.addCommand(new CreateChatCliCommand());
        bootstrap.addCommand(new ImportMessagesCliCommand());
        bootstrap.addCommand(new VersionCliCommand());
    }

    @Override
    public void run(ChatConfiguration configuration, Environment environment) {
        var dataSourceFactory = configuration.database();
        var dataSource = dataSourceFactory.build(environment.metrics(), "database");
        DatabaseMigrations.migrate(dataSource);
        var jdbi = new JdbiFactory().build(environment, dataSourceFactory, dataSource, "database");
        var persistence = new JdbiPersistence(jdbi, configuration.messageWriters());
        var clock = Clock.systemUTC();
        var core = ChatCore.over(persistence, clock, configuration.messageLimits(), configuration.pageLimits(),
                SealedSessions.fromSettings(configuration.getSessions().neptun, clock, environment.getObjectMapper()));
        RestAdapter.register(environment, configuration.restSettings(), core);
    }
}
