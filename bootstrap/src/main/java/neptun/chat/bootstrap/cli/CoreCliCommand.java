package neptun.chat.bootstrap.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.bootstrap.wiring.ApplicationWiring;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.DomainException;

/**
 * A command that calls the use cases in-process against the configured database (migrated first), wired
 * exactly as the server wires them, and prints its result as the last line of standard output. The
 * configuration file is optional.
 */
public abstract class CoreCliCommand extends ConfiguredCommand<ChatConfiguration> {
    protected CoreCliCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<ChatConfiguration> bootstrap, Namespace namespace, ChatConfiguration configuration)
            throws Exception {
        var environment = new Environment(getName(), bootstrap.getObjectMapper(), bootstrap.getValidatorFactory(),
                bootstrap.getMetricRegistry(), bootstrap.getClassLoader(), bootstrap.getHealthCheckRegistry(), configuration);
        var wired = ApplicationWiring.wire(configuration, environment);
        try {
            run(wired.useCases(), configuration, namespace, System.out);
        } finally {
            wired.dataSource().stop();
        }
    }

    protected abstract void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out)
            throws Exception;

    /** Known refusals, and a database that cannot be reached, are one clear line, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof DomainException || e instanceof IllegalArgumentException || e instanceof StoreUnavailableException) {
            cli.getStdErr().println(getName() + ": " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
