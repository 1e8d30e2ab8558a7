package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.IdempotencyKeyReusedException;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ListChatsCommand;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.ReadMessagesCommand;
import neptun.chat.application.port.in.RegisterUser;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.service.CreateChatService;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.application.service.DeleteChatService;
import neptun.chat.application.service.ListChatsService;
import neptun.chat.application.service.ReadMessagesService;
import neptun.chat.application.service.RegisterUserService;
import neptun.chat.application.service.RemoveLastMessageService;
import neptun.chat.application.service.RenameChatService;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The use cases as another JVM module uses them: built over a plain {@link DataSource} on a fresh
 * PostgreSQL database, with no HTTP and no Dropwizard, and held to the same validation, ownership and
 * all-or-nothing rules as over HTTP. The first test is the README's example, which must match it word for word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InProcessUseCasesIT {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "// README example begins";
    private static final String END = "// README example ends";

    private PostgresTestDatabase database;
    private DataSource dataSource;
    private RegisterUser registerUser;
    private CreateChat createChat;
    private CreateMessages createMessages;
    private ReadMessages readMessages;
    private ListChats listChats;
    private RenameChat renameChat;
    private DeleteChat deleteChat;
    private RemoveLastMessage removeLastMessage;

    @BeforeAll
    void buildTheUseCasesOverAPlainDataSource() {
        database = PostgresTestDatabase.create();
        dataSource = database.dataSource();
        DatabaseMigrations.migrate(dataSource);
        var persistence = new JdbiPersistence(Jdbi.create(dataSource));
        var clock = Clock.systemUTC();
        registerUser = new RegisterUserService(persistence.users());
        createChat = new CreateChatService(persistence.chats(), clock);
        createMessages = new CreateMessagesService(persistence.messages(), clock, new MessageLimits(3, 50));
        readMessages = new ReadMessagesService(persistence.messages(), new PageLimits(2, 4));
        listChats = new ListChatsService(persistence.chats(), new PageLimits(2, 4));
        renameChat = new RenameChatService(persistence.chats(), clock);
        deleteChat = new DeleteChatService(persistence.chats(), clock);
        removeLastMessage = new RemoveLastMessageService(persistence.messages(), clock);
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void runsTheReadmeExample() {
        DataSource dataSource = this.dataSource;
        // README example begins
        DatabaseMigrations.migrate(dataSource);                       // creates or updates the schema
        var persistence = new JdbiPersistence(Jdbi.create(dataSource));
        var clock = Clock.systemUTC();
        RegisterUser registerUser = new RegisterUserService(persistence.users());
        CreateChat createChat = new CreateChatService(persistence.chats(), clock);
        CreateMessages createMessages = new CreateMessagesService(persistence.messages(), clock, MessageLimits.DEFAULT);
        ReadMessages readMessages = new ReadMessagesService(persistence.messages(), PageLimits.DEFAULT);

        var ada = new UserId("ada");
        registerUser.register(ada);
        Chat chat = createChat.create(CreateChatCommand.of(ada, "Python questions"));
        createMessages.create(CreateMessagesCommand.of(ada, chat.id(), List.of(
                new MessageInput("What is Python?", "user"),
                new MessageInput("Python is a programming language...", "assistant"))));

        List<ChatMessage> conversation = new ArrayList<>();
        Optional<ReadMessagesCommand> next = Optional.of(ReadMessagesCommand.firstPage(ada, chat.id()));
        while (next.isPresent()) {                                     // 100 messages a page by default
            MessagePage page = readMessages.read(next.get());
            conversation.addAll(page.messages());
            next = page.next();
        }
        // README example ends

        assertThat(conversation).extracting(m -> m.content().value())
                .containsExactly("What is Python?", "Python is a programming language...");
        assertThat(conversation).extracting(ChatMessage::actor).containsExactly(Actor.USER, Actor.ASSISTANT);
        assertThat(conversation).allSatisfy(m -> assertThat(m.chatId()).isEqualTo(chat.id()));
    }

    @Test
    void theReadmeShowsTheExampleThatRuns() throws IOException {
        String source = Files.readString(Path.of("src", "test", "java", "neptun", "chat", "bootstrap", "InProcessUseCasesIT.java"));
        // The markers as comment lines, not as the constants above.
        int begin = source.indexOf(BEGIN + "\n");
        int end = source.indexOf(END + "\n");
        assertThat(begin).isPositive().isLessThan(end);
        String tested = source.substring(begin + BEGIN.length(), end);

        assertThat(Files.readString(README)).contains(unindented(tested));
    }

    @Test
    void refusesInvalidMessagesWithEveryViolationAndStoresNone() {
        var ada = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "c")).id();

        assertThatThrownBy(() -> createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(
                new MessageInput("fine", "user"),
                new MessageInput("   ", "user"),
                new MessageInput("also fine", "robot")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly(InputPath.of(1, InputField.CONTENT), InputPath.of(2, InputField.ROLE)));
        assertThatThrownBy(() -> createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(
                new MessageInput("1", "user"), new MessageInput("2", "user"), new MessageInput("3", "user"), new MessageInput("4", "user")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly(InputPath.of(InputField.MESSAGES)));
        assertThatThrownBy(() -> createChat.create(CreateChatCommand.of(ada, "")))
                .isInstanceOf(InvalidInputException.class);

        assertThat(readAll(ada, chat)).isEmpty();
        assertThat(listChats.list(ListChatsCommand.of(ada))).hasSize(1);
    }

    @Test
    void storesNothingOfABatchWhoseInsertFailsHalfway() {
        var ada = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "c")).id();
        var jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(h -> h.execute("""
                create function fail_in_process() returns trigger language plpgsql as $$
                begin
                  if new.content = 'fail here' then raise exception 'injected failure'; end if;
                  return new;
                end $$;
                create trigger fail_in_process before insert on messages for each row execute function fail_in_process();
                """));
        try {
            assertThatThrownBy(() -> createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(
                    new MessageInput("first", "user"), new MessageInput("fail here", "assistant"), new MessageInput("third", "user")))))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbi.useHandle(h -> h.execute("drop trigger fail_in_process on messages; drop function fail_in_process()"));
        }
        assertThat(readAll(ada, chat)).isEmpty();
    }

    @Test
    void refusesEveryUseCaseOnAnotherUsersChat() {
        var ada = newUser();
        var bob = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "Ada's")).id();
        createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("private", "user"))));

        List<Runnable> intrusions = List.of(
                () -> readMessages.read(ReadMessagesCommand.firstPage(bob, chat)),
                () -> readMessages.read(new ReadMessagesCommand(bob, ada, chat, 0, OptionalInt.empty())),
                () -> createMessages.create(CreateMessagesCommand.of(bob, chat, List.of(new MessageInput("planted", "user")))),
                () -> createMessages.create(new CreateMessagesCommand(bob, ada, chat, List.of(new MessageInput("planted", "user")))),
                () -> renameChat.rename(RenameChatCommand.of(bob, chat, "stolen")),
                () -> renameChat.rename(new RenameChatCommand(bob, ada, chat, "stolen", Optional.empty())),
                () -> deleteChat.delete(DeleteChatCommand.of(bob, chat)),
                () -> deleteChat.delete(new DeleteChatCommand(bob, ada, chat)),
                () -> removeLastMessage.remove(RemoveLastMessageCommand.of(bob, chat)),
                () -> removeLastMessage.remove(new RemoveLastMessageCommand(bob, ada, chat)),
                () -> listChats.list(new ListChatsCommand(bob, ada, ChatOrder.UPDATED_AT_DESC, OptionalInt.empty())),
                () -> createChat.create(new CreateChatCommand(bob, ada, "planted", Optional.empty())));

        assertThat(intrusions).allSatisfy(intrusion -> assertThatThrownBy(intrusion::run).isInstanceOf(ChatNotFoundException.class));
        assertThat(listChats.list(ListChatsCommand.of(bob))).isEmpty();
        assertThat(listChats.list(ListChatsCommand.of(ada))).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("Ada's"));
        assertThat(readAll(ada, chat)).extracting(m -> m.content().value()).containsExactly("private");
    }

    @Test
    void pagesRenamesRemovesAndDeletes() {
        var ada = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "draft")).id();
        for (int i = 1; i <= 5; i++) {
            createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("m" + i, "user"))));
        }

        MessagePage first = readMessages.read(ReadMessagesCommand.firstPage(ada, chat));
        assertThat(first.messages()).hasSize(2);
        assertThat(first.next()).hasValueSatisfying(next -> assertThat(next.limit()).hasValue(2));
        assertThat(readAll(ada, chat)).extracting(m -> m.content().value()).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThatThrownBy(() -> readMessages.read(new ReadMessagesCommand(ada, ada, chat, 0, OptionalInt.of(5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly(InputPath.of(InputField.LIMIT)));

        assertThat(renameChat.rename(RenameChatCommand.of(ada, chat, "Python")).name()).isEqualTo("Python");
        assertThat(removeLastMessage.remove(RemoveLastMessageCommand.of(ada, chat)).content().value()).isEqualTo("m5");
        Chat deleted = deleteChat.delete(DeleteChatCommand.of(ada, chat));

        assertThat(deleted.name()).isEqualTo("Python");
        assertThat(listChats.list(ListChatsCommand.of(ada))).isEmpty();
        assertThatThrownBy(() -> readMessages.read(ReadMessagesCommand.firstPage(ada, chat))).isInstanceOf(ChatNotFoundException.class);
        int left = Jdbi.create(dataSource).withHandle(h -> h.createQuery("select count(*) from messages where chat_id = :c")
                .bind("c", chat.value()).mapTo(Integer.class).one());
        assertThat(left).isZero();
    }

    @Test
    void tellsAnEmptyChatFromAMissingOne() {
        var ada = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "empty")).id();

        assertThatThrownBy(() -> removeLastMessage.remove(RemoveLastMessageCommand.of(ada, chat)))
                .isInstanceOf(ChatHasNoMessagesException.class);
        assertThatThrownBy(() -> removeLastMessage.remove(RemoveLastMessageCommand.of(ada, new ChatId(987_654_321L))))
                .isInstanceOf(ChatNotFoundException.class);
    }

    @Test
    void answersARepeatedWriteWithTheFirstResultAndStoresItOnce() {
        var ada = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "retries")).id();
        var key = new IdempotencyKey("in-process-1");
        var append = CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("What is Python?", "user"))).withIdempotencyKey(key);

        List<ChatMessage> first = createMessages.create(append);
        Outcome<List<ChatMessage>> repeat = createMessages.createOnce(append);

        assertThat(repeat).isEqualTo(Outcome.replayed(first));
        assertThat(readAll(ada, chat)).containsExactlyElementsOf(first);
        assertThatThrownBy(() -> createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("Other", "user")))
                .withIdempotencyKey(key))).isInstanceOf(IdempotencyKeyReusedException.class);

        var removal = RemoveLastMessageCommand.of(ada, chat).withIdempotencyKey(new IdempotencyKey("in-process-2"));
        createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("A language", "assistant"))));
        ChatMessage removed = removeLastMessage.remove(removal);
        assertThat(removeLastMessage.remove(removal)).isEqualTo(removed);
        assertThat(readAll(ada, chat)).containsExactlyElementsOf(first);
    }

    @Test
    void appendsOnlyOnTheNewestMessageTheCallerSaw() {
        var ada = newUser();
        var chat = createChat.create(CreateChatCommand.of(ada, "two tabs")).id();
        MessagePage seen = readMessages.read(ReadMessagesCommand.firstPage(ada, chat));
        assertThat(seen.lastMessageId()).isZero();

        createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("tab one", "user"))).ifLastMessageIs(seen.lastMessageId()));

        assertThatThrownBy(() -> createMessages.create(CreateMessagesCommand.of(ada, chat, List.of(new MessageInput("tab two", "user")))
                .ifLastMessageIs(seen.lastMessageId())))
                .isInstanceOfSatisfying(LastMessageChangedException.class, e ->
                        assertThat(e.lastMessageId()).isEqualTo(readMessages.read(ReadMessagesCommand.firstPage(ada, chat)).lastMessageId()));
        assertThatThrownBy(() -> removeLastMessage.remove(RemoveLastMessageCommand.of(ada, chat).ifLastMessageIs(seen.lastMessageId())))
                .isInstanceOf(LastMessageChangedException.class);
        assertThat(readAll(ada, chat)).extracting(m -> m.content().value()).containsExactly("tab one");
    }

    private UserId newUser() {
        var user = new UserId("user-" + UUID.randomUUID());
        registerUser.register(user);
        return user;
    }

    private List<ChatMessage> readAll(UserId user, ChatId chat) {
        List<ChatMessage> all = new ArrayList<>();
        Optional<ReadMessagesCommand> next = Optional.of(ReadMessagesCommand.firstPage(user, chat));
        while (next.isPresent()) {
            MessagePage page = readMessages.read(next.get());
            all.addAll(page.messages());
            next = page.next();
        }
        return all;
    }

    /** The lines of {@code block} without their common indentation and the surrounding blank lines. */
    private static String unindented(String block) {
        List<String> lines = Arrays.stream(block.split("\n")).map(String::stripTrailing).filter(line -> !line.isEmpty()).toList();
        int indent = lines.stream().mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return Arrays.stream(block.split("\n"))
                .map(String::stripTrailing)
                .map(line -> line.length() >= indent ? line.substring(indent) : line)
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
