package neptun.chat.adapters.rest;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.ResourceExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.ExportChat;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.SearchMessages;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.domain.ChatMessage;

/** The adapter as the application registers it, in a test container, plus fixture helpers. */
public final class RestTestSupport {
    public static final String COOKIE = RestSettings.DEFAULTS.cookieName();
    /** Ada's session. */
    public static final String SESSION = "ada-session-token";
    /** A token whose check fails inside the session store. */
    public static final String BROKEN_SESSION = "token-that-breaks-the-store";
    public static final Instant SESSION_END = Instant.parse("2100-01-01T00:00:00Z");
    public static final long MAX_BODY_BYTES = 16 * 1024;
    public static final RestSettings SETTINGS = new RestSettings(COOKIE, RestSettings.DEFAULTS.sessionCacheTtl(),
            RestSettings.DEFAULTS.sessionCacheMaxEntries(), MAX_BODY_BYTES);

    public static final AuthenticateSession SESSIONS = token -> {
        if (BROKEN_SESSION.equals(token)) {
            throw new IllegalStateException("connection to jdbc:postgresql://db/sessions refused");
        }
        return SESSION.equals(token) ? Optional.of(new AuthenticatedSession(ChatFixtures.ADA, SESSION_END)) : Optional.empty();
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private RestTestSupport() {
    }

    /** A test container holding exactly what {@link RestAdapter} registers, without Dropwizard's default mappers. */
    public static ResourceExtension resource(RestSettings settings, UseCases useCases) {
        var builder = ResourceExtension.builder().setRegisterDefaultExceptionMappers(false);
        RestAdapter.jerseyProperties().forEach(builder::addProperty);
        RestAdapter.register(builder::addProvider, new MetricRegistry(), settings, useCases);
        return builder.build();
    }

    /** Like {@link #resource(RestSettings, UseCases)}, for tests of creating messages only. */
    public static ResourceExtension resource(RestSettings settings, CreateMessages createMessages) {
        return resource(settings, onlyCreatingMessages(createMessages));
    }

    /** The use cases with {@code createMessages}; every other one but {@link #SESSIONS} fails the test if called. */
    public static UseCases onlyCreatingMessages(CreateMessages createMessages) {
        return useCases().createMessages(createMessages).build();
    }

    /** Use cases that fail the test when called, authenticated by {@link #SESSIONS}, to replace one by one. */
    public static UseCasesBuilder useCases() {
        return new UseCasesBuilder();
    }

    /** Builds {@link UseCases} for a test: what is not set fails the test if called. */
    public static final class UseCasesBuilder {
        private CreateMessages createMessages = creatingMessages(command -> unexpected());
        private ReadMessages readMessages = command -> unexpected();
        private RemoveLastMessage removeLastMessage = command -> unexpected();
        private CreateChat createChat = command -> unexpected();
        private ListChats listChats = command -> unexpected();
        private RenameChat renameChat = command -> unexpected();
        private DeleteChat deleteChat = command -> unexpected();
        private AuthenticateSession authenticateSession = SESSIONS;
        private SearchMessages searchMessages = command -> unexpected();
        private ExportChat exportChat = command -> unexpected();

        public UseCasesBuilder createMessages(CreateMessages useCase) {
            createMessages = useCase;
            return this;
        }

        public UseCasesBuilder readMessages(ReadMessages useCase) {
            readMessages = useCase;
            return this;
        }

        public UseCasesBuilder removeLastMessage(RemoveLastMessage useCase) {
            removeLastMessage = useCase;
            return this;
        }

        public UseCasesBuilder createChat(CreateChat useCase) {
            createChat = useCase;
            return this;
        }

        public UseCasesBuilder listChats(ListChats useCase) {
            listChats = useCase;
            return this;
        }

        public UseCasesBuilder renameChat(RenameChat useCase) {
            renameChat = useCase;
            return this;
        }

        public UseCasesBuilder deleteChat(DeleteChat useCase) {
            deleteChat = useCase;
            return this;
        }

        public UseCasesBuilder searchMessages(SearchMessages useCase) {
            searchMessages = useCase;
            return this;
        }

        public UseCasesBuilder exportChat(ExportChat useCase) {
            exportChat = useCase;
            return this;
        }

        public UseCasesBuilder authenticateSession(AuthenticateSession useCase) {
            authenticateSession = useCase;
            return this;
        }

        public UseCases build() {
            return new UseCases(createMessages, readMessages, removeLastMessage, createChat, listChats, renameChat, deleteChat,
                    user -> unexpected(), (user, ttl) -> unexpected(), token -> unexpected(), authenticateSession, searchMessages, exportChat);
        }
    }

    /** A {@link CreateMessages} whose {@code create} is {@code create}; the adapter never just checks messages. */
    public static CreateMessages creatingMessages(Function<CreateMessagesCommand, List<ChatMessage>> create) {
        return new CreateMessages() {
            @Override
            public List<ChatMessage> create(CreateMessagesCommand command) {
                return create.apply(command);
            }

            @Override
            public void check(CreateMessagesCommand command) {
                unexpected();
            }
        };
    }

    private static <T> T unexpected() {
        throw new AssertionError("this test does not expect that use case to be called");
    }

    /** The text of {@code src/test/resources/fixtures/<name>}. */
    public static String fixture(String name) {
        try (InputStream in = RestTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode jsonFixture(String name) {
        return json(fixture(name));
    }
}
