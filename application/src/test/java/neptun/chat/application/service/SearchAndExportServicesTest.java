package neptun.chat.application.service;

import static neptun.chat.domain.ChatFixtures.ADA;
import static neptun.chat.domain.ChatFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import neptun.chat.application.port.in.ChatExport;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.ExportChatCommand;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.SearchCursor;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.in.SearchLimits;
import neptun.chat.application.port.in.SearchMessagesCommand;
import neptun.chat.application.port.in.SearchPage;
import neptun.chat.application.port.in.Snippet;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.in.Violation.Kind;
import neptun.chat.application.port.out.LoadMessagesPort.StoredPage;
import neptun.chat.application.port.out.SearchMessagesPort;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatFixtures;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.SearchQuery;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Searching messages (the checks, the limit and the next page) and exporting a chat page by page. */
class SearchAndExportServicesTest {
    private static final InputPath QUERY = InputPath.of(InputField.QUERY);

    @Nested
    class Searching {
        private record Call(UserId owner, SearchQuery query, SearchMessagesPort.Filters filters, Optional<SearchCursor> after, int limit) {
        }

        private final List<Call> calls = new ArrayList<>();
        private List<SearchHit> stored = List.of();
        private final SearchMessagesPort store = (owner, query, filters, after, limit) -> {
            calls.add(new Call(owner, query, filters, after, limit));
            return stored.subList(0, Math.min(limit, stored.size()));
        };
        private final SearchMessagesService service = new SearchMessagesService(store, new SearchLimits(2, 3, 20));

        private SearchHit hit(long id, float relevance) {
            var chat = ChatFixtures.aChatOwnedBy(ADA);
            return new SearchHit(ChatFixtures.aMessage(id, chat, "tokyo " + id, Actor.USER), chat.name(),
                    new Snippet(List.of(new Snippet.Part("tokyo", true))), relevance);
        }

        @Test
        void asksTheStoreForOneHitMoreThanThePageAndLinksTheNextPageAfterItsLastHit() {
            stored = List.of(hit(9, 0.5f), hit(7, 0.5f), hit(3, 0.1f));

            SearchPage page = service.search(SearchMessagesCommand.of(ADA, "tokyo"));

            assertThat(page.hits()).extracting(h -> h.message().id().value()).containsExactly(9L, 7L);
            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.limit()).isEqualTo(3);
                assertThat(call.query().wantedWords()).containsExactly("tokyo");
                assertThat(call.filters()).isEqualTo(SearchMessagesPort.Filters.NONE);
                assertThat(call.after()).isEmpty();
            });
            assertThat(page.next()).hasValueSatisfying(next -> {
                assertThat(next.after()).contains(new SearchCursor(0.5f, 7));
                assertThat(next.limit()).isEmpty();
                assertThat(next.query()).isEqualTo("tokyo");
            });
        }

        @Test
        void hasNoNextPageWhenTheStoreHasNoMore() {
            stored = List.of(hit(9, 0.5f), hit(7, 0.5f));

            assertThat(service.search(SearchMessagesCommand.of(ADA, "tokyo")).next()).isEmpty();
        }

        @Test
        void passesTheFiltersAndTheCursorOn() {
            var command = new SearchMessagesCommand(ADA, ADA, "a \"b c\" -d", Optional.of(new ChatId(4)), Optional.of("assistant"),
                    Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.of(Instant.parse("2026-02-01T00:00:00Z")),
                    Optional.of(new SearchCursor(0.25f, 12)), OptionalInt.of(1));

            service.search(command);

            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.filters()).isEqualTo(new SearchMessagesPort.Filters(Optional.of(new ChatId(4)), Optional.of(Actor.ASSISTANT),
                        command.since(), command.until()));
                assertThat(call.after()).contains(new SearchCursor(0.25f, 12));
                assertThat(call.limit()).isEqualTo(2);
                assertThat(call.query().terms()).hasSize(3);
            });
        }

        @Test
        void refusesEveryProblemAtOnceAndSearchesNothing() {
            var command = new SearchMessagesCommand(ADA, ADA, "", Optional.empty(), Optional.of("wizard"), Optional.empty(),
                    Optional.empty(), Optional.empty(), OptionalInt.of(4));

            assertThatThrownBy(() -> service.search(command)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactly(
                            tuple(QUERY, Kind.TOO_SHORT), tuple(InputPath.of(InputField.ACTOR), Kind.NOT_ONE_OF),
                            tuple(InputPath.of(InputField.LIMIT), Kind.TOO_HIGH)));
            assertThat(calls).isEmpty();
        }

        @Test
        void refusesQueriesThatAreNotTextOrNameNothingToFind() {
            assertThat(kindOf(" \t ")).isEqualTo(Kind.BLANK);
            assertThat(kindOf("a\0b")).isEqualTo(Kind.CONTAINS_NUL);
            assertThat(kindOf("a\uD800")).isEqualTo(Kind.INVALID_UNICODE);
            assertThat(kindOf("x".repeat(21))).isEqualTo(Kind.TOO_LONG);
            assertThat(kindOf("&|!:*()'")).isEqualTo(Kind.NO_SEARCH_TERMS);
            assertThat(kindOf("-rain")).isEqualTo(Kind.NO_SEARCH_TERMS);
            assertThat(calls).isEmpty();
        }

        private Kind kindOf(String query) {
            try {
                service.search(SearchMessagesCommand.of(ADA, query));
            } catch (InvalidInputException e) {
                assertThat(e.violations()).singleElement().extracting(Violation::path).isEqualTo(QUERY);
                return e.violations().get(0).kind();
            }
            throw new AssertionError("accepted " + query);
        }

        @Test
        void findsNothingForAnotherUser() {
            assertThatThrownBy(() -> service.search(new SearchMessagesCommand(BOB, ADA, "tokyo", Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty())))
                    .isInstanceOf(ChatNotFoundException.class);
            assertThat(calls).isEmpty();
        }
    }

    @Nested
    class Exporting {
        private final Chat chat = ChatFixtures.aChatOwnedBy(ADA);
        private final List<String> pagesRead = new ArrayList<>();
        private long messagesInChat = 7;
        private boolean deleted;

        private ExportChatService service() {
            return new ExportChatService((owner, id) -> owner.equals(chat.owner()) && id.equals(chat.id()) ? Optional.of(chat) : Optional.empty(),
                    (owner, id, after, limit) -> {
                        pagesRead.add(after + ".." + limit);
                        if (deleted) {
                            return Optional.empty();
                        }
                        List<ChatMessage> page = LongStream.rangeClosed(after + 1, Math.min(messagesInChat, after + limit))
                                .mapToObj(i -> ChatFixtures.aMessage(i, chat, "m" + i, Actor.USER)).toList();
                        return Optional.of(new StoredPage(page, messagesInChat));
                    }, 3);
        }

        @Test
        void readsTheMessagesPageByPageOnlyWhenConsumed() {
            ChatExport export = service().export(ExportChatCommand.of(ADA, chat.id()));
            assertThat(export.chat()).isEqualTo(chat);
            assertThat(pagesRead).isEmpty();

            List<Long> ids = new ArrayList<>();
            long count = export.forEachMessage(m -> ids.add(m.id().value()));

            assertThat(count).isEqualTo(7);
            assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(pagesRead).containsExactly("0..3", "3..3", "6..3");
        }

        @Test
        void endsAfterAFullLastPageWithAnEmptyRead() {
            messagesInChat = 6;
            assertThat(service().export(ExportChatCommand.of(ADA, chat.id())).forEachMessage(m -> { })).isEqualTo(6);
            assertThat(pagesRead).containsExactly("0..3", "3..3", "6..3");
        }

        @Test
        void refusesAChatThatIsNotTheRequestersOwn() {
            assertThatThrownBy(() -> service().export(ExportChatCommand.of(BOB, chat.id()))).isInstanceOf(ChatNotFoundException.class);
            assertThatThrownBy(() -> service().export(new ExportChatCommand(BOB, ADA, chat.id()))).isInstanceOf(ChatNotFoundException.class);
            assertThatThrownBy(() -> service().export(ExportChatCommand.of(ADA, new ChatId(999)))).isInstanceOf(ChatNotFoundException.class);
        }

        @Test
        void failsWhenTheChatIsDeletedWhileItIsExported() {
            ChatExport export = service().export(ExportChatCommand.of(ADA, chat.id()));
            List<Long> ids = new ArrayList<>();

            assertThatThrownBy(() -> export.forEachMessage(m -> {
                ids.add(m.id().value());
                deleted = true;
            })).isInstanceOf(ChatNotFoundException.class);
            assertThat(ids).containsExactly(1L, 2L, 3L);
        }
    }
}
