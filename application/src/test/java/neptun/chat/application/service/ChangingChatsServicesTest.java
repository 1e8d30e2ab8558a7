package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import neptun.chat.application.port.in.ChatHasNoMessagesException;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.LastMessageChangedException;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.application.port.out.KeyRecord;
import neptun.chat.application.port.out.RemoveLastMessagePort;
import neptun.chat.application.port.out.RemoveLastMessagePort.Removal;
import neptun.chat.application.port.out.RenameChatPort;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Renaming and deleting chats, and removing their last message. */
class ChangingChatsServicesTest {
    private static final Instant NOW = Instant.parse("2026-03-21T08:00:00.000000999Z");
    private static final ChatId CHAT = new ChatId(123);
    private static final Chat ADAS_CHAT = ChatFixtures.aChat(CHAT, ADA);

    private final List<String> calls = new ArrayList<>();

    @Nested
    class Renaming {
        private final RenameChatPort chats = (owner, chat, name, model, at) -> {
            calls.add(owner + " " + chat + " " + name + " " + model + " " + at);
            return owner.equals(ADA) && chat.equals(CHAT)
                    ? Optional.of(new Chat(chat, owner, name, model.or(ADAS_CHAT::model), ADAS_CHAT.createdAt(), at))
                    : Optional.empty();
        };
        private final RenameChatService service = new RenameChatService(chats, Clock.fixed(NOW, ZoneOffset.UTC));

        @Test
        void renamesAndStampsTheChangeToTheMicrosecond() {
            Chat renamed = service.rename(new RenameChatCommand(ADA, ADA, CHAT, "Trip to Tokyo", Optional.of("gpt-4o")));

            assertThat(renamed.name()).isEqualTo("Trip to Tokyo");
            assertThat(renamed.model()).contains("gpt-4o");
            assertThat(calls).containsExactly("ada 123 Trip to Tokyo Optional[gpt-4o] 2026-03-21T08:00:00Z");
        }

        @Test
        void refusesNamesAndModelsANewChatCouldNotHave() {
            assertThatThrownBy(() -> service.rename(new RenameChatCommand(ADA, ADA, CHAT, "", Optional.of("x".repeat(256)))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path, Violation::kind)
                            .containsExactly(
                                    tuple(InputPath.of(InputField.NAME), Kind.TOO_SHORT),
                                    tuple(InputPath.of(InputField.MODEL), Kind.TOO_LONG)));
            assertThat(calls).isEmpty();
        }

        @Test
        void refusesAnotherUsersChat() {
            assertThatThrownBy(() -> service.rename(new RenameChatCommand(BOB, ADA, CHAT, "mine now", Optional.empty())))
                    .isInstanceOf(ChatNotFoundException.class);
            assertThat(calls).isEmpty();
            assertThatThrownBy(() -> service.rename(RenameChatCommand.of(BOB, CHAT, "mine now")))
                    .isInstanceOf(ChatNotFoundException.class);
        }
    }

    @Nested
    class Deleting {
        private final DeleteChatPort chats = (owner, chat) -> {
            calls.add("delete " + owner + " " + chat);
            return owner.equals(ADA) && chat.equals(CHAT) ? Optional.of(ADAS_CHAT) : Optional.empty();
        };
        private final DeleteChatService service = new DeleteChatService(chats, Clock.fixed(NOW, ZoneOffset.UTC));

        @Test
        void deletesTheOwnersChatAndAnswersWithIt() {
            assertThat(service.delete(DeleteChatCommand.of(ADA, CHAT))).isEqualTo(ADAS_CHAT);
            assertThat(calls).containsExactly("delete ada 123");
        }

        @Test
        void refusesAnotherUsersChat() {
            assertThatThrownBy(() -> service.delete(new DeleteChatCommand(BOB, ADA, CHAT))).isInstanceOf(ChatNotFoundException.class);
            assertThat(calls).isEmpty();
            assertThatThrownBy(() -> service.delete(DeleteChatCommand.of(BOB, CHAT))).isInstanceOf(ChatNotFoundException.class);
        }
    }

    @Nested
    class RemovingTheLastMessage {
        private Removal answer = new Removal.Removed(ChatFixtures.aMessage(9, ADAS_CHAT, "last", Actor.ASSISTANT));
        private final RemoveLastMessagePort messages = new RemoveLastMessagePort() {
            @Override
            public Removal removeLastMessage(UserId owner, ChatId chat) {
                return removeLastMessage(owner, chat, OptionalLong.empty(), Optional.empty());
            }

            @Override
            public Removal removeLastMessage(UserId owner, ChatId chat, OptionalLong expected, Optional<KeyRecord<ChatMessage>> key) {
                calls.add("remove " + owner + " " + chat + (expected.isPresent() ? " if last is " + expected.getAsLong() : ""));
                return answer;
            }
        };
        private final RemoveLastMessageService service = new RemoveLastMessageService(messages, Clock.fixed(NOW, ZoneOffset.UTC));

        @Test
        void answersWithTheRemovedMessage() {
            assertThat(service.remove(RemoveLastMessageCommand.of(ADA, CHAT)).id().value()).isEqualTo(9);
            assertThat(calls).containsExactly("remove ada 123");
        }

        @Test
        void tellsAnEmptyChatFromAMissingOne() {
            answer = new Removal.ChatIsEmpty();
            assertThatThrownBy(() -> service.remove(RemoveLastMessageCommand.of(ADA, CHAT))).isInstanceOf(ChatHasNoMessagesException.class);
            answer = new Removal.NoSuchChat();
            assertThatThrownBy(() -> service.remove(RemoveLastMessageCommand.of(ADA, CHAT))).isInstanceOf(ChatNotFoundException.class);
        }

        @Test
        void refusesAnotherUsersChatWithoutTouchingIt() {
            assertThatThrownBy(() -> service.remove(new RemoveLastMessageCommand(BOB, ADA, CHAT))).isInstanceOf(ChatNotFoundException.class);
            assertThat(calls).isEmpty();
        }

        @Test
        void removesOnlyIfTheNewestMessageIsTheExpectedOne() {
            assertThat(service.remove(RemoveLastMessageCommand.of(ADA, CHAT).ifLastMessageIs(9)).id().value()).isEqualTo(9);
            answer = new Removal.LastMessageDiffers(10);
            assertThatThrownBy(() -> service.remove(RemoveLastMessageCommand.of(ADA, CHAT).ifLastMessageIs(9)))
                    .isInstanceOfSatisfying(LastMessageChangedException.class, e -> assertThat(e.lastMessageId()).isEqualTo(10));
            assertThat(calls).containsExactly("remove ada 123 if last is 9", "remove ada 123 if last is 9");
        }
    }
}
