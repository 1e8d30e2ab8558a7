package neptun.chat.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.adapters.rest.json.StrictJson;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.Violation;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * Imports a JSON Lines file of messages, one {@code {"role": ..., "content": ...}} object per line (blank
 * lines skipped, unknown fields ignored), into a chat through {@link CreateMessages}: every line is
 * checked first, then all messages are stored in file order in one call, or none. A file may hold at most
 * {@code messages.maxPerRequest} messages, the limit of one call; a longer file is refused, not split,
 * so that an import stays all or nothing.
 */
final class MessageImport {
    private static final String ROLE = "role";
    private static final String CONTENT = "content";

    private final CreateMessages createMessages;

    MessageImport(CreateMessages createMessages) {
        this.createMessages = Objects.requireNonNull(createMessages);
    }

    /**
     * @return how many messages were stored
     * @throws InvalidImportException naming every problem by line number; then nothing was stored
     * @throws neptun.chat.application.port.in.ChatNotFoundException when the chat is not the user's
     */
    int importInto(UserId user, ChatId chat, byte[] file) {
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = parse(file, problems);
        var command = CreateMessagesCommand.of(user, chat, inputs(lines));
        if (!problems.isEmpty()) {
            // The core's verdict on the lines that were read, although nothing may be stored.
            if (!lines.isEmpty()) {
                try {
                    createMessages.check(command);
                } catch (InvalidInputException invalid) {
                    problems.addAll(problemsOf(invalid, lines));
                }
            }
            throw new InvalidImportException(problems);
        }
        try {
            return createMessages.create(command).size();
        } catch (InvalidInputException invalid) {
            throw new InvalidImportException(problemsOf(invalid, lines));
        }
    }

    /** A message read from line {@code number} (counting from 1). */
    private record Line(int number, MessageInput input) {
    }

    /** What is wrong at line {@code line} (0 for the file as a whole). */
    record Problem(int line, String text) {
        @Override
        public String toString() {
            return line == 0 ? text : "line " + line + ": " + text;
        }
    }

    /** A file refused before anything was stored, with its problems in line order. */
    static final class InvalidImportException extends IllegalArgumentException {
        private final transient List<Problem> problems;

        InvalidImportException(List<Problem> problems) {
            super(problems.size() + " problem(s) found; nothing was imported");
            this.problems = problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /** The messages of the file's lines, in order; what is wrong with other lines goes to {@code problems}. */
    private static List<Line> parse(byte[] file, List<Problem> problems) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int number = 1; start <= file.length; number++) {
            int end = indexOf(file, (byte) '\n', start);
            int stop = end > start && file[end - 1] == '\r' ? end - 1 : end;
            Optional<String> text = decode(file, start, stop);
            start = end + 1;
            if (text.isEmpty()) {
                problems.add(new Problem(number, "not valid UTF-8"));
                continue;
            }
            String line = number == 1 && text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
            if (line.isBlank()) {
                continue;
            }
            Optional<MessageInput> input = message(number, line, problems);
            if (input.isPresent()) {
                lines.add(new Line(number, input.get()));
            }
        }
        return lines;
    }

    private static Optional<MessageInput> message(int number, String line, List<Problem> problems) {
        JsonNode node;
        try {
            node = StrictJson.read(line);
        } catch (StreamConstraintsException tooDeepOrTooLong) {
            problems.add(new Problem(number, "invalid JSON: nested too deeply or a value is too long"));
            return Optional.empty();
        } catch (JsonProcessingException malformed) {
            var location = malformed.getLocation();
            problems.add(new Problem(number, "invalid JSON" + (location == null ? "" : " at column " + location.getColumnNr())));
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(new Problem(number, "expected an object like {\"role\": \"user\", \"content\": \"...\"}, found "
                    + StrictJson.typeName(node)));
            return Optional.empty();
        }
        String role = string(node, ROLE, number, problems);
        String content = string(node, CONTENT, number, problems);
        return role == null || content == null ? Optional.empty() : Optional.of(new MessageInput(content, role));
    }

    private static String string(JsonNode object, String field, int number, List<Problem> problems) {
        JsonNode value = object.get(field);
        if (value == null) {
            problems.add(new Problem(number, field + ": Required"));
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(number, field + ": Expected string, received " + StrictJson.typeName(value)));
            return null;
        }
        return value.textValue();
    }

    /** The core's violations, in the core's plain words, placed at the lines the messages came from. */
    private static List<Problem> problemsOf(InvalidInputException invalid, List<Line> lines) {
        List<Problem> problems = new ArrayList<>();
        for (Violation violation : invalid.violations()) {
            InputPath path = violation.path();
            if (path.message().isPresent() && path.message().getAsInt() < lines.size()) {
                problems.add(new Problem(lines.get(path.message().getAsInt()).number(),
                        key(path.field()) + ": " + violation.description()));
            } else if (violation.kind() == Violation.Kind.TOO_FEW) {
                problems.add(new Problem(0, "the file holds no messages"));
            } else if (violation.kind() == Violation.Kind.TOO_MANY) {
                problems.add(new Problem(0, "the file holds " + lines.size() + " messages, more than the "
                        + violation.bound() + " one import may store (messages.maxPerRequest, MAX_MESSAGES_PER_REQUEST)"));
            } else {
                problems.add(new Problem(0, violation.toString()));
            }
        }
        return problems;
    }

    /** The key of a message's field in a line of the file. */
    private static String key(InputField field) {
        return switch (field) {
            case ROLE -> ROLE;
            case CONTENT -> CONTENT;
            default -> field.name().toLowerCase(Locale.ROOT);
        };
    }

    private static List<MessageInput> inputs(List<Line> lines) {
        return lines.stream().map(Line::input).toList();
    }

    private static Optional<String> decode(byte[] bytes, int from, int to) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
