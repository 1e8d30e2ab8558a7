package neptun.chat.bootstrap;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import neptun.chat.adapters.rest.RestAdapter;
import neptun.chat.adapters.rest.openapi.ApiDocs;
import neptun.chat.adapters.rest.ops.Operations;
import neptun.chat.bootstrap.cli.AddUserCliCommand;
import neptun.chat.bootstrap.cli.ChatServerCommand;
import neptun.chat.bootstrap.cli.CreateChatCliCommand;
import neptun.chat.bootstrap.cli.ExportMessagesCliCommand;
import neptun.chat.bootstrap.cli.ImportMessagesCliCommand;
import neptun.chat.bootstrap.cli.IssueSessionCliCommand;
import neptun.chat.bootstrap.cli.MigrateCliCommand;
import neptun.chat.bootstrap.cli.RevokeSessionCliCommand;
import neptun.chat.bootstrap.cli.VersionCliCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.bootstrap.wiring.ApplicationWiring;
import neptun.chat.bootstrap.wiring.DefaultConfigurationFactoryFactory;
import neptun.chat.bootstrap.wiring.LockFreeMetricRegistry;

/** The neptun-chat service: its commands, then the use cases wired from the settings ({@link ApplicationWiring}) behind the HTTP API. */
public class ChatApplication extends Application<ChatConfiguration> {
    public static void main(String[] args) throws Exception {
        new ChatApplication().run(args);
    }

    @Override
    public String getName() {
        return "neptun-chat";
    }

    /** Dropwizard's {@code server} (with a one-line refusal when the database is down) and {@code check}. */
    @Override
    protected void addDefaultCommands(Bootstrap<ChatConfiguration> bootstrap) {
        bootstrap.addCommand(new ChatServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<ChatConfiguration> bootstrap) {
        bootstrap.setMetricRegistry(new LockFreeMetricRegistry());
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
        bootstrap.addCommand(new ExportMessagesCliCommand());
        bootstrap.addCommand(new VersionCliCommand());
    }

    @Override
    public void run(ChatConfiguration configuration, Environment environment) {
        var wired = ApplicationWiring.wire(configuration, environment, clock());
        RestAdapter.register(environment, configuration.restSettings(), wired.useCases());
        Operations.register(environment, configuration.operationsSettings());
        if (configuration.getApiDocs().enabled) {
            ApiDocs.register(environment, configuration.descriptionSettings());
        }
        var idempotency = configuration.getIdempotency();
        environment.lifecycle().manage(new ExpiredKeysPurge(wired.expiredKeys(),
                java.time.Duration.ofMillis(idempotency.purgeInterval.toMilliseconds()), idempotency.purgeBatchSize));
    }

    /** The time every use case reads; tests of expiry give the application a clock of their own. */
    protected Clock clock() {
        return Clock.systemUTC();
    }
}
