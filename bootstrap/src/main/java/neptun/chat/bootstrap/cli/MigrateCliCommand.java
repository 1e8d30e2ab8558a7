package neptun.chat.bootstrap.cli;

import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;

/** {@code migrate}: brings the database schema up to date (opening the database already does). */
public class MigrateCliCommand extends CoreCliCommand {
    public MigrateCliCommand() {
        super("migrate", "Create or update the database schema");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) {
        out.println("database is up to date");
    }
}
