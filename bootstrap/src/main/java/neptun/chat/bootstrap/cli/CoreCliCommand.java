package neptun.chat.bootstrap.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import neptun.chat.bootstrap.ChatConfiguration;
import neptun.chat.bootstrap.CliCore;
import neptun.chat.domain.DomainException;

/**
 * A command that calls the use cases in-process against the configured database (migrated first),
 * and prints its result as the last line of standard output. The configuration file is optional.
 */
public abstract class CoreCliCommand extends ConfiguredCommand<ChatConfiguration> {
    protected CoreCliCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<ChatConfiguration> bootstrap, Namespace namespace, ChatConfiguration configuration)
            throws Exception {
        try (var core = CliCore.open(configuration, new MetricRegistry(), bootstrap.getObjectMapper())) {
            run(core, namespace, System.out);
        }
    }

    protected abstract void run(CliCore core, Namespace namespace, PrintStream out) throws Exception;

    /** Known refusals are one clear line, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof DomainException || e instanceof IllegalArgumentException) {
            cli.getStdErr().println(getName() + ": " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
