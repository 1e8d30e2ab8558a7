package neptun.chat.bootstrap.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.UserId;

/** {@code issue-session --user USER_ID [--ttl P7D]}: starts a session; prints its token (shown only once). */
public class IssueSessionCliCommand extends CoreCliCommand {
    public IssueSessionCliCommand() {
        super("issue-session", "Start a session for a user and print its cookie token");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--user").dest("user").required(true).help("the user's id");
        subparser.addArgument("--ttl").dest("ttl").help("lifetime as an ISO-8601 duration such as P7D or PT12H (default: sessions.defaultTtl)");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) {
        var user = UserId.parse(namespace.getString("user"))
                .orElseThrow(() -> new IllegalArgumentException("not a valid user id"));
        var ttl = ttl(namespace.getString("ttl"),
                Duration.ofMillis(configuration.getSessions().defaultTtl.toMilliseconds()));
        var issued = useCases.issueSession().issue(user, ttl);
        System.err.println("session of " + user.value() + " valid until " + issued.expiresAt());
        out.println(issued.token().value());
    }

    private static Duration ttl(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must be an ISO-8601 duration such as P7D or PT12H");
        }
    }
}
