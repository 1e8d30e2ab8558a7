package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.UserNotFoundException;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.out.LoadUserPort;
import neptun.chat.application.port.out.SaveChatPort;
import neptun.chat.application.port.out.SaveSessionPort;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.Session;
import neptun.chat.domain.SessionToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Users, sessions and chats: the services behind the command line and the chat routes. */
class AccountServicesTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00.000000500Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Set<String> users = new HashSet<>(Set.of(ADA.value()));
    private final LoadUserPort loadUsers = user -> users.contains(user.value());
    private final FakeSessions sessions = new FakeSessions();

    @Nested
    class Registering {
        @Test
        void registersEachUserOnce() {
            var service = new RegisterUserService(user -> users.add(user.value()));
            assertThat(service.register(BOB)).isTrue();
            assertThat(service.register(BOB)).isFalse();
        }
    }

    @Nested
    class IssuingAndRevoking {
        private final IssueSessionService issue =
                new IssueSessionService(loadUsers, sessions, () -> SessionToken.generate(new SecureRandom()), CLOCK);

        @Test
        void storesOnlyTheHashOfANewToken() {
            var issued = issue.issue(ADA, Duration.ofDays(7));

            assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-03-27T10:00:00Z"));
            assertThat(sessions.byHash).containsOnlyKeys(HexFormat.of().formatHex(issued.token().hash()));
            assertThat(sessions.byHash.values()).singleElement()
                    .satisfies(s -> assertThat(s.user()).isEqualTo(ADA));
        }

        @Test
        void refusesUnknownUsersAndNonPositiveLifetimes() {
            assertThatThrownBy(() -> issue.issue(BOB, Duration.ofDays(1))).isInstanceOf(UserNotFoundException.class);
            assertThatThrownBy(() -> issue.issue(ADA, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThat(sessions.byHash).isEmpty();
        }

        @Test
        void revokesByToken() {
            var issued = issue.issue(ADA, Duration.ofDays(7));
            var revoke = new RevokeSessionService(sessions, CLOCK);
            assertThat(revoke.revoke(issued.token())).isTrue();
            assertThat(sessions.revoked).containsExactly(NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
    }

    @Nested
    class CreatingChats {
        private final List<String> inserted = new ArrayList<>();
        private final SaveChatPort chats = (owner, name, model, at) -> {
            if (!users.contains(owner.value())) {
                return Optional.empty();
            }
            inserted.add(name);
            return Optional.of(new Chat(new ChatId(inserted.size()), owner, name, model, at, at));
        };
        private final CreateChatService service = new CreateChatService(chats, CLOCK);

        @Test
        void createsAChatForItsOwner() {
            var chat = service.create(new CreateChatCommand(ADA, ADA, "Trip", Optional.of("gpt-4o")));
            assertThat(chat.name()).isEqualTo("Trip");
            assertThat(chat.model()).contains("gpt-4o");
            assertThat(chat.createdAt()).isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
        }

        @Test
        void refusesBlankNamesAndModels() {
            assertThatThrownBy(() -> service.create(new CreateChatCommand(ADA, ADA, " ", Optional.of(""))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path).containsExactly(InputPath.of(InputField.NAME), InputPath.of(InputField.MODEL)));
            assertThat(inserted).isEmpty();
        }

        @Test
        void refusesOtherUsersAndUnknownOwners() {
            assertThatThrownBy(() -> service.create(new CreateChatCommand(BOB, ADA, "x", Optional.empty())))
                    .isInstanceOf(ChatNotFoundException.class);
            assertThatThrownBy(() -> service.create(CreateChatCommand.of(BOB, "x")))
                    .isInstanceOf(UserNotFoundException.class);
            assertThat(inserted).isEmpty();
        }
    }

    private static final class FakeSessions implements SaveSessionPort {
        final Map<String, Session> byHash = new HashMap<>();
        final List<Instant> revoked = new ArrayList<>();

        @Override
        public void saveSession(byte[] tokenHash, Session session) {
            byHash.put(HexFormat.of().formatHex(tokenHash), session);
        }

        @Override
        public boolean revokeSession(byte[] tokenHash, Instant at) {
            revoked.add(at);
            return byHash.containsKey(HexFormat.of().formatHex(tokenHash));
        }
    }
}
