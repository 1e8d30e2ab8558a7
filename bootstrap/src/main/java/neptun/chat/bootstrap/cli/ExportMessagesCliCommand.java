package neptun.chat.bootstrap.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import neptun.chat.adapters.rest.export.ExportFormat;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.ChatExport;
import neptun.chat.application.port.in.ExportChatCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * {@code export-messages --user USER_ID --chat CHAT_ID [--format jsonl|markdown] [FILE]}: writes the whole chat
 * as {@code GET .../export} answers it, streamed. Without FILE the export is standard output; with it, the file
 * is written beside its target and moved into place when complete, and the count of messages is printed.
 */
public class ExportMessagesCliCommand extends CoreCliCommand {
    public ExportMessagesCliCommand() {
        super("export-messages", "Write a chat's messages as JSON Lines (what import-messages reads) or Markdown");
    }

    /**
     * FILE comes before the optional configuration file that every command takes: both are optional positional
     * arguments, and the first one given is FILE.
     */
    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("output").metavar("FILE").nargs("?").help("where to write; standard output when absent");
        super.configure(subparser);
        subparser.addArgument("--user").dest("user").required(true).help("the chat owner's id");
        subparser.addArgument("--chat").dest("chat").required(true).help("the chat's id");
        subparser.addArgument("--format").dest("format").choices(ExportFormat.names()).setDefault(ExportFormat.JSONL.wireName())
                .help("jsonl (the default) or markdown");
    }

    @Override
    protected void run(UseCases useCases, ChatConfiguration configuration, Namespace namespace, PrintStream out) throws IOException {
        var user = UserId.parse(namespace.getString("user"))
                .orElseThrow(() -> new IllegalArgumentException("not a valid user id"));
        var chat = ChatId.parse(namespace.getString("chat"))
                .orElseThrow(() -> new IllegalArgumentException("--chat must be a positive integer"));
        var format = ExportFormat.fromName(namespace.getString("format")).orElseThrow();
        ChatExport export = useCases.exportChat().export(ExportChatCommand.of(user, chat));
        String file = namespace.getString("output");
        if (file == null) {
            format.writeTo(export, out);
            out.flush();
            return;
        }
        Path target = Path.of(file).toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try {
            long count;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                count = format.writeTo(export, stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println(count);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
