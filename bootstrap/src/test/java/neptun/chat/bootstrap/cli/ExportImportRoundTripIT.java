package neptun.chat.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import neptun.chat.adapters.persistence.DatabaseMigrations;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestDatabase;
import neptun.chat.adapters.persistence.testing.TestJdbi;
import neptun.chat.adapters.rest.export.ExportFormat;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.ExportChatCommand;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.bootstrap.wiring.ApplicationWiring;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Export, import into a new chat, export again: the same contents and roles in the same order, on both databases. */
class ExportImportRoundTripIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class RoundTrip {
        TestDatabase database;
        UseCases core;

        abstract TestDatabase openDatabase();

        @BeforeAll
        void migrate() {
            database = openDatabase();
            DatabaseMigrations.migrate(database.dataSource());
            core = ApplicationWiring.useCases(new JdbiPersistence(TestJdbi.create(database)), Clock.systemUTC(), MessageLimits.DEFAULT,
                    PageLimits.DEFAULT, Optional.empty());
        }

        @AfterAll
        void drop() {
            database.close();
        }

        @Test
        void keepsContentsAndRolesExactly() throws IOException {
            var user = new UserId("user-" + UUID.randomUUID());
            core.registerUser().register(user);
            ChatId original = core.createChat().create(CreateChatCommand.of(user, "original")).id();
            List<MessageInput> inputs = new ArrayList<>();
            String[] roles = {"system", "user", "assistant"};
            for (int i = 0; i < 700; i++) {
                inputs.add(new MessageInput(i % 7 == 0 ? "  spaced\tand\nmulti-line " + i + "  " : "message " + i + " \"quoted\" \\ é 😀 </script>",
                        roles[i % 3]));
            }
            core.createMessages().create(CreateMessagesCommand.of(user, original, inputs));

            byte[] first = export(user, original);
            ChatId copy = core.createChat().create(CreateChatCommand.of(user, "copy")).id();
            int imported = new MessageImport(core.createMessages()).importInto(user, copy, first);
            byte[] second = export(user, copy);

            assertThat(imported).isEqualTo(700);
            assertThat(rolesAndContents(second)).isEqualTo(rolesAndContents(first));
            assertThat(rolesAndContents(first)).hasSize(700).first().isEqualTo(List.of("system", inputs.get(0).content()));
        }

        private byte[] export(UserId user, ChatId chat) throws IOException {
            var out = new ByteArrayOutputStream();
            ExportFormat.JSONL.writeTo(core.exportChat().export(ExportChatCommand.of(user, chat)), out);
            return out.toByteArray();
        }

        private static List<List<String>> rolesAndContents(byte[] jsonl) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
                JsonNode node = JSON.readTree(line);
                lines.add(List.of(node.get("role").asText(), node.get("content").asText()));
            }
            return lines;
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends RoundTrip {
        @Override
        TestDatabase openDatabase() {
            return PostgresTestDatabase.create();
        }
    }

    @Nested
    @DisplayName("on H2")
    class OnH2 extends RoundTrip {
        @Override
        TestDatabase openDatabase() {
            return H2TestDatabase.create();
        }
    }
}
