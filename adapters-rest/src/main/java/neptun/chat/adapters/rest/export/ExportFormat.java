package neptun.chat.adapters.rest.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import neptun.chat.adapters.rest.dto.Timestamps;
import neptun.chat.application.port.in.ChatExport;
import neptun.chat.domain.ChatMessage;

/**
 * How an export is written, as the HTTP API and the {@code export-messages} command write it. Both stream: each
 * message is written as it is read, so memory holds one page of messages whatever the chat's length.
 */
public enum ExportFormat {
    /**
     * JSON Lines, the format {@code import-messages} reads: one {@code {"role", "content", "id", "created_at"}}
     * object per line, in id order (the import ignores {@code id} and {@code created_at}).
     */
    JSONL("jsonl", ExportFormat.JSONL_MEDIA_TYPE + "; charset=utf-8", "jsonl") {
        @Override
        long write(ChatExport export, OutputStream out) throws IOException {
            try (JsonGenerator json = JSON.createGenerator(new Unclosed(out), JsonEncoding.UTF8)) {
                json.setRootValueSeparator(new SerializedString(""));
                long count = export.forEachMessage(message -> writeLine(json, message));
                json.flush();
                return count;
            }
        }
    },
    /**
     * Markdown for people: the chat's name as the heading, then a section per message headed by its role and
     * time, with the content as it is.
     */
    MARKDOWN("markdown", ExportFormat.MARKDOWN_MEDIA_TYPE + "; charset=utf-8", "md") {
        @Override
        long write(ChatExport export, OutputStream out) throws IOException {
            Writer text = new BufferedWriter(new OutputStreamWriter(new Unclosed(out), StandardCharsets.UTF_8), BUFFER);
            text.write("# " + oneLine(export.chat().name()) + "\n");
            long count = export.forEachMessage(message -> {
                try {
                    text.write("\n## " + message.actor().wireName() + " · " + Timestamps.format(message.createdAt()) + "\n\n");
                    text.write(message.content().value());
                    text.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            text.flush();
            return count;
        }
    };

    /** The media types of the formats, without their charset (always UTF-8). */
    public static final String JSONL_MEDIA_TYPE = "application/x-ndjson";
    public static final String MARKDOWN_MEDIA_TYPE = "text/markdown";

    private static final JsonFactory JSON = new JsonFactory();
    private static final int BUFFER = 64 * 1024;

    private static void writeLine(JsonGenerator json, ChatMessage message) {
        try {
            json.writeStartObject();
            json.writeStringField("role", message.actor().wireName());
            json.writeStringField("content", message.content().value());
            json.writeNumberField("id", message.id().value());
            json.writeStringField("created_at", Timestamps.format(message.createdAt()));
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String name) {
        return name.replaceAll("[\\r\\n]+", " ");
    }

    private final String wireName;
    private final String mediaType;
    private final String fileExtension;

    ExportFormat(String wireName, String mediaType, String fileExtension) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
    }

    /**
     * Writes the whole export to {@code out} (which stays open), reading its messages as it goes.
     *
     * @return how many messages were written
     * @throws IOException when {@code out} fails
     * @throws neptun.chat.application.port.in.ChatNotFoundException when the chat was deleted meanwhile
     */
    public long writeTo(ChatExport export, OutputStream out) throws IOException {
        try {
            return write(export, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    abstract long write(ChatExport export, OutputStream out) throws IOException;

    /** The name requests and the command use: {@code jsonl} or {@code markdown}. */
    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A file name for the export of chat {@code chatId}, such as {@code chat-12.jsonl}: nothing of the chat's name, so always safe. */
    public String fileName(long chatId) {
        return "chat-" + chatId + "." + fileExtension;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ExportFormat::wireName).toList();
    }

    /** The format named exactly {@code name}, or empty. */
    public static Optional<ExportFormat> fromName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(name)).findFirst();
    }

    /** Leaves the stream under it open: the caller owns it. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
