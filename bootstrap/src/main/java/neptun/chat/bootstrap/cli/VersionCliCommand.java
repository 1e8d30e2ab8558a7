package neptun.chat.bootstrap.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code version}: prints the service's version. */
public class VersionCliCommand extends Command {
    public VersionCliCommand() {
        super("version", "Print the version");
    }

    @Override
    public void configure(Subparser subparser) {
        // no arguments
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        String version = VersionCliCommand.class.getPackage().getImplementationVersion();
        System.out.println("neptun-chat " + (version == null ? "development" : version));
    }
}
