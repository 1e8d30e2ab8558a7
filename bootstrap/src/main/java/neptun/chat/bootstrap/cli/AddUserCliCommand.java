package neptun.chat.bootstrap.cli;

import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;

/** {@code add-user --id USER_ID}: registers a user; prints the id. */
public class AddUserCliCommand extends CoreCliCommand {
    public AddUserCliCommand() {
        super("add-user", "Register a user");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--id").dest("id").required(true).help("the user's id (any text of 1 to 255 characters)");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) {
        var user = UserId.parse(namespace.getString("id"))
                .orElseThrow(() -> new IllegalArgumentException("not a valid user id"));
        boolean created = useCases.registerUser().register(user);
        if (!created) {
            System.err.println("user " + user.value() + " already existed");
        }
        out.println(user.value());
    }
}
