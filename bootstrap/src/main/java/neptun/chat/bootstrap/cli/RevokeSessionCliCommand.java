package neptun.chat.bootstrap.cli;

import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.SessionToken;

/**
 * {@code revoke-session --token=TOKEN}: ends a session; prints {@code revoked} or {@code not found}. Tokens
 * are base64url and may begin with {@code -}, so they must be passed in the {@code --token=} form.
 */
public class RevokeSessionCliCommand extends CoreCliCommand {
    public RevokeSessionCliCommand() {
        super("revoke-session", "End a session before it expires");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--token").dest("token").required(true)
                .help("the session's cookie token, written --token=TOKEN (a token may begin with -)");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) {
        String token = namespace.getString("token");
        boolean revoked = SessionToken.hasTokenShape(token) && useCases.revokeSession().revoke(new SessionToken(token));
        out.println(revoked ? "revoked" : "not found");
    }
}
