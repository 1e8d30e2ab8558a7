package neptun.chat.bootstrap.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;
import neptun.chat.application.port.out.StoreUnavailableException;
import neptun.chat.bootstrap.wiring.ChatConfiguration;

/**
 * Dropwizard's {@code server} command, which refuses to start on a database it cannot reach with one line on
 * standard error (and a non-zero exit status) instead of a stack trace: there is nothing to debug, and a
 * supervisor that restarts the service retries.
 */
public final class ChatServerCommand extends ServerCommand<ChatConfiguration> {
    public ChatServerCommand(Application<ChatConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof StoreUnavailableException) {
            cli.getStdErr().println(getName() + ": cannot start: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
