package neptun.chat.bootstrap.cli;

import io.dropwizard.core.cli.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * {@code import-messages --user USER_ID --chat CHAT_ID FILE}: stores the messages of a JSON Lines file
 * ({@code {"role": ..., "content": ...}} per line) in the chat, in file order, all or none; prints how many.
 * Problems go to standard error, one per line with its line number, and the exit status is not zero.
 */
public class ImportMessagesCliCommand extends CoreCliCommand {
    /**
     * Problems printed at most, for the person at the terminal: a thoroughly wrong file would otherwise print
     * one per line. Not the core's bound on a refusal's report: this one counts the command's own problems
     * with unreadable lines too, and says how many more there are.
     */
    static final int MAX_PRINTED_PROBLEMS = 100;

    public ImportMessagesCliCommand() {
        super("import-messages", "Store the messages of a JSON Lines file in a chat, all or none, and print how many");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--user").dest("user").required(true).help("the chat owner's id");
        subparser.addArgument("--chat").dest("chat").required(true).help("the chat's id");
        subparser.addArgument("messages").metavar("FILE")
                .help("JSON Lines, one {\"role\": \"user\" | \"assistant\" | \"system\", \"content\": \"...\"} per line");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) {
        var user = UserId.parse(namespace.getString("user"))
                .orElseThrow(() -> new IllegalArgumentException("not a valid user id"));
        var chat = ChatId.parse(namespace.getString("chat"))
                .orElseThrow(() -> new IllegalArgumentException("--chat must be a positive integer"));
        byte[] file = read(Path.of(namespace.getString("messages")));
        var messageImport = new MessageImport(useCases.createMessages());
        out.println(messageImport.importInto(user, chat, file));
    }

    /** Every problem of a refused file on its own line, then the one-line summary. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof MessageImport.InvalidImportException invalid) {
            var problems = invalid.problems();
            problems.stream().limit(MAX_PRINTED_PROBLEMS)
                    .forEach(problem -> cli.getStdErr().println(namespace.getString("messages") + ": " + problem));
            if (problems.size() > MAX_PRINTED_PROBLEMS) {
                cli.getStdErr().println("... and " + (problems.size() - MAX_PRINTED_PROBLEMS) + " more");
            }
        }
        super.onError(cli, namespace, e);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read " + file + ": " + unreadable.getMessage());
        }
    }
}
