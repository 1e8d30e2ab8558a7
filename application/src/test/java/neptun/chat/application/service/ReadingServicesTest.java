package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static neptun.chat.domain.ChatFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.ListChatsCommand;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.ReadMessagesCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.application.port.out.LoadChatsPort;
import neptun.chat.application.port.out.LoadMessagesPort;
import neptun.chat.application.port.out.LoadMessagesPort.StoredPage;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Listing chats and reading messages: limits, cursors and ownership. */
class ReadingServicesTest {
    private static final PageLimits LIMITS = new PageLimits(3, 5);
    private static final ChatId CHAT = new ChatId(7);
    private static final InputPath LIMIT = InputPath.of(InputField.LIMIT);

    @Nested
    class ListingChats {
        private final List<String> calls = new ArrayList<>();
        private final LoadChatsPort chats = (owner, order, limit) -> {
            calls.add(owner + " " + order + " " + limit);
            return List.of(ChatFixtures.aChatOwnedBy(owner));
        };
        private final ListChatsService service = new ListChatsService(chats, LIMITS);

        @Test
        void listsTheOwnersChatsWithTheDefaultLimitAndOrder() {
            assertThat(service.list(ListChatsCommand.of(ADA))).singleElement()
                    .satisfies(chat -> assertThat(chat.owner()).isEqualTo(ADA));
            assertThat(calls).containsExactly("ada UPDATED_AT_DESC 3");
        }

        @Test
        void passesTheRequestedOrderAndLimit() {
            service.list(new ListChatsCommand(ADA, ADA, ChatOrder.CREATED_AT_ASC, OptionalInt.of(5)));
            assertThat(calls).containsExactly("ada CREATED_AT_ASC 5");
        }

        @Test
        void refusesLimitsOutsideTheBounds() {
            assertThat(violations(() -> service.list(new ListChatsCommand(ADA, ADA, ChatOrder.UPDATED_AT_DESC, OptionalInt.of(0)))))
                    .containsExactly(Violation.beyond(LIMIT, Kind.TOO_LOW, 1));
            assertThat(violations(() -> service.list(new ListChatsCommand(ADA, ADA, ChatOrder.UPDATED_AT_DESC, OptionalInt.of(6)))))
                    .containsExactly(Violation.beyond(LIMIT, Kind.TOO_HIGH, 5));
            assertThat(calls).isEmpty();
        }

        @Test
        void refusesToListAnotherUsersChats() {
            assertThatThrownBy(() -> service.list(new ListChatsCommand(BOB, ADA, ChatOrder.UPDATED_AT_DESC, OptionalInt.empty())))
                    .isInstanceOf(ChatNotFoundException.class);
            assertThat(calls).isEmpty();
        }
    }

    @Nested
    class ReadingMessages {
        /** Ada's chat 7 holds messages 1 to 7. */
        private final List<ChatMessage> stored = LongStream.rangeClosed(1, 7).mapToObj(ReadingServicesTest::message).toList();
        private final List<String> calls = new ArrayList<>();
        private final LoadMessagesPort messages = (owner, chat, after, limit) -> {
            calls.add("after " + after + " limit " + limit);
            if (!owner.equals(ADA) || !chat.equals(CHAT)) {
                return Optional.empty();
            }
            return Optional.of(new StoredPage(stored.stream().filter(m -> m.id().value() > after).limit(limit).toList(), 7));
        };
        private final ReadMessagesService service = new ReadMessagesService(messages, LIMITS);

        @Test
        void readsPagesOfTheDefaultSizeUntilTheEnd() {
            MessagePage first = service.read(ReadMessagesCommand.firstPage(ADA, CHAT));
            assertThat(ids(first)).containsExactly(1L, 2L, 3L);
            assertThat(first.next()).contains(new ReadMessagesCommand(ADA, ADA, CHAT, 3, OptionalInt.of(3)));

            MessagePage second = service.read(first.next().orElseThrow());
            assertThat(ids(second)).containsExactly(4L, 5L, 6L);

            MessagePage last = service.read(second.next().orElseThrow());
            assertThat(ids(last)).containsExactly(7L);
            assertThat(last.next()).isEmpty();
            assertThat(calls).containsExactly("after 0 limit 4", "after 3 limit 4", "after 6 limit 4");
        }

        @Test
        void tellsTheChatsNewestMessageWhateverThePage() {
            MessagePage first = service.read(ReadMessagesCommand.firstPage(ADA, CHAT));
            MessagePage last = service.read(ReadMessagesCommand.firstPage(ADA, CHAT).withAfter(6));
            assertThat(first.lastMessageId()).isEqualTo(7);
            assertThat(last.lastMessageId()).isEqualTo(7);
        }

        @Test
        void offersNoNextPageWhenThePageEndsExactlyAtTheLastMessage() {
            MessagePage page = service.read(new ReadMessagesCommand(ADA, ADA, CHAT, 2, OptionalInt.of(5)));
            assertThat(ids(page)).containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(page.next()).isEmpty();
        }

        @Test
        void answersAnEmptyPageAfterTheEnd() {
            MessagePage page = service.read(ReadMessagesCommand.firstPage(ADA, CHAT).withAfter(Long.MAX_VALUE));
            assertThat(page.messages()).isEmpty();
            assertThat(page.next()).isEmpty();
        }

        @Test
        void reportsEveryProblemOfAPageRequest() {
            assertThat(violations(() -> service.read(new ReadMessagesCommand(ADA, ADA, CHAT, -1, OptionalInt.of(6)))))
                    .extracting(Violation::path, Violation::kind)
                    .containsExactly(
                            tuple(InputPath.of(InputField.AFTER), Kind.TOO_LOW),
                            tuple(LIMIT, Kind.TOO_HIGH));
            assertThat(violations(() -> service.read(new ReadMessagesCommand(ADA, ADA, CHAT, 0, OptionalInt.of(-5)))))
                    .extracting(Violation::path).containsExactly(LIMIT);
            assertThat(calls).isEmpty();
        }

        @Test
        void refusesAnotherUsersChatAndAChatThatIsNotTheOwners() {
            assertThatThrownBy(() -> service.read(new ReadMessagesCommand(BOB, ADA, CHAT, 0, OptionalInt.empty())))
                    .isInstanceOf(ChatNotFoundException.class);
            assertThat(calls).isEmpty();
            assertThatThrownBy(() -> service.read(ReadMessagesCommand.firstPage(BOB, CHAT)))
                    .isInstanceOf(ChatNotFoundException.class);
            assertThatThrownBy(() -> service.read(ReadMessagesCommand.firstPage(ADA, new ChatId(8))))
                    .isInstanceOf(ChatNotFoundException.class);
        }
    }

    private static ChatMessage message(long id) {
        return new ChatMessage(new MessageId(id), CHAT, ADA, new MessageContent("m" + id), Actor.USER, T0);
    }

    private static List<Long> ids(MessagePage page) {
        return page.messages().stream().map(m -> m.id().value()).toList();
    }

    private static List<Violation> violations(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.violations();
        }
        throw new AssertionError("expected InvalidInputException");
    }
}
