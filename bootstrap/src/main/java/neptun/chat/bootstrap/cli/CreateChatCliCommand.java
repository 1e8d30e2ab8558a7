package neptun.chat.bootstrap.cli;

import java.io.PrintStream;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;

/** {@code create-chat --user USER_ID --name NAME [--model MODEL]}: starts a chat; prints its id. */
public class CreateChatCliCommand extends CoreCliCommand {
    public CreateChatCliCommand() {
        super("create-chat", "Create a chat for a user and print its id");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--user").dest("user").required(true).help("the owner's id");
        subparser.addArgument("--name").dest("name").required(true).help("the chat's name");
        subparser.addArgument("--model").dest("model").help("the model the chat talks to (optional)");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) {
        var user = UserId.parse(namespace.getString("user"))
                .orElseThrow(() -> new IllegalArgumentException("not a valid user id"));
        var command = new CreateChatCommand(user, user, namespace.getString("name"), Optional.ofNullable(namespace.getString("model")));
        out.println(useCases.createChat().create(command).id().value());
    }
}
