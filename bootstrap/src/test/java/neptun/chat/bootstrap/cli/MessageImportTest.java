package neptun.chat.bootstrap.cli;

import static neptun.chat.domain.ChatFixtures.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.bootstrap.cli.MessageImport.InvalidImportException;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageId;
import org.junit.jupiter.api.Test;

class MessageImportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC);
    private static final MessageLimits LIMITS = new MessageLimits(5, 20);
    private static final ChatId CHAT = new ChatId(7);

    /** The real rules over a store that records what it is given. */
    private final List<CreateMessagesCommand> stored = new ArrayList<>();
    private final CreateMessages createMessages = new CreateMessagesService((owner, chat, messages, at) -> {
        var ids = IntStream.range(0, messages.size()).mapToObj(i -> new ChatMessage(new MessageId(i + 1L), chat, owner,
                messages.get(i).content(), messages.get(i).actor(), at)).toList();
        return Optional.of(ids);
    }, CLOCK, LIMITS) {
        @Override
        public List<ChatMessage> create(CreateMessagesCommand command) {
            List<ChatMessage> created = super.create(command);
            stored.add(command);
            return created;
        }
    };
    private final MessageImport messageImport = new MessageImport(createMessages);

    @Test
    void storesEveryLineInFileOrderInOneCall() {
        int count = importing("""
                {"role": "system", "content": "Be brief."}
                {"role": "user", "content": "What is Python?"}
                {"content": "A language.", "role": "assistant", "extra": [1, 2]}
                """);

        assertThat(count).isEqualTo(3);
        assertThat(stored).singleElement().isEqualTo(CreateMessagesCommand.of(ADA, CHAT, List.of(
                new MessageInput("Be brief.", "system"),
                new MessageInput("What is Python?", "user"),
                new MessageInput("A language.", "assistant"))));
    }

    @Test
    void skipsBlankLinesAndReadsWindowsLineEndsAndAByteOrderMark() {
        int count = importing("\uFEFF{\"role\": \"user\", \"content\": \"a\"}\r\n\r\n   \n\t\n{\"role\": \"user\", \"content\": \"b\"}");

        assertThat(count).isEqualTo(2);
        assertThat(stored.get(0).messages()).extracting(MessageInput::content).containsExactly("a", "b");
    }

    @Test
    void keepsContentExactlyAsWritten() {
        importing("{\"role\": \"user\", \"content\": \"  tab\\there\\nline 😀  \"}");

        assertThat(stored.get(0).messages().get(0).content()).isEqualTo("  tab\there\nline 😀  ");
    }

    @Test
    void reportsEveryProblemWithItsLineNumberAndStoresNothing() {
        var problems = problems("""
                {"role": "user", "content": "fine"}
                {"role": "user", "content": "fine", }

                ["role", "user"]
                {"content": "no role"}
                {"role": "robot", "content": "   "}
                {"role": 1, "content": null}
                {"role": "user", "content": "fine"} {"role": "user"}
                """);

        assertThat(problems).containsExactly(
                "line 2: invalid JSON at column 37",
                "line 4: expected an object like {\"role\": \"user\", \"content\": \"...\"}, found array",
                "line 5: role: Required",
                "line 6: content: must not be blank",
                "line 6: role: must be one of 'user', 'assistant', 'system', not 'robot'",
                "line 7: role: Expected string, received number",
                "line 7: content: Expected string, received null",
                "line 8: invalid JSON at column 37");
        assertThat(stored).isEmpty();
    }

    @Test
    void onlyAsksTheCoreToCheckTheReadableLinesWhenSomeAreNot() {
        List<CreateMessagesCommand> checked = new ArrayList<>();
        var onlyChecking = new MessageImport(new CreateMessages() {
            @Override
            public List<ChatMessage> create(CreateMessagesCommand command) {
                throw new AssertionError("nothing may be stored");
            }

            @Override
            public void check(CreateMessagesCommand command) {
                checked.add(command);
            }
        });

        assertThatThrownBy(() -> onlyChecking.importInto(ADA, CHAT, "{\"role\": \"user\", \"content\": \"ok\"}\nnot json"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidImportException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("line 2: invalid JSON at column 1"));
        assertThat(checked).containsExactly(CreateMessagesCommand.of(ADA, CHAT, List.of(new MessageInput("ok", "user"))));
    }

    @Test
    void reportsTheCoresVerdictAtTheRightLinesWhenAllLinesParse() {
        var problems = problems("""
                {"role": "user", "content": "fine"}

                {"role": "user", "content": "%s"}
                {"role": "user", "content": "a\\u0000b"}
                """.formatted("x".repeat(21)));

        assertThat(problems).containsExactly(
                "line 3: content: must have at most 20 characters",
                "line 4: content: must not contain NUL characters");
        assertThat(stored).isEmpty();
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] file = "{\"role\": \"user\", \"content\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> messageImport.importInto(ADA, CHAT, file))
                .isInstanceOfSatisfying(InvalidImportException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("line 1: not valid UTF-8"));
        assertThat(stored).isEmpty();
    }

    @Test
    void refusesAFileWithoutMessages() {
        assertThat(problems("\n  \n")).containsExactly("the file holds no messages");
        assertThat(problems("")).containsExactly("the file holds no messages");
    }

    @Test
    void refusesMoreMessagesThanOneCallMayStoreRatherThanSplittingThem() {
        String six = IntStream.rangeClosed(1, 6).mapToObj(i -> "{\"role\": \"user\", \"content\": \"m" + i + "\"}")
                .collect(Collectors.joining("\n"));

        assertThat(problems(six)).containsExactly(
                "the file holds 6 messages, more than the 5 one import may store (messages.maxPerRequest, MAX_MESSAGES_PER_REQUEST)");
        assertThat(stored).isEmpty();
    }

    @Test
    void letsAChatThatIsNotTheUsersFailAsSuch() {
        var importing = new MessageImport(new CreateMessagesService((owner, chat, messages, at) -> Optional.empty(), CLOCK, LIMITS));

        assertThatThrownBy(() -> importing.importInto(ADA, CHAT, "{\"role\": \"user\", \"content\": \"hi\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ChatNotFoundException.class);
    }

    @Test
    void summarisesTheProblemsInOneLine() {
        assertThatThrownBy(() -> importing("{}\n{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("4 problem(s) found; nothing was imported");
    }

    private int importing(String file) {
        return messageImport.importInto(ADA, CHAT, file.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String file) {
        try {
            importing(file);
        } catch (InvalidImportException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("expected the file to be refused");
    }
}
