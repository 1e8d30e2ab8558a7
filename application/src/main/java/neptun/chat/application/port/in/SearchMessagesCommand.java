package neptun.chat.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * Search the messages of {@code owner} on behalf of {@code requester} for {@code query} (web-search syntax,
 * {@link neptun.chat.domain.SearchQuery}), optionally only in chat {@code chat}, only by {@code actor}
 * ({@code user}, {@code assistant} or {@code system}) and only created at or after {@code since} and before
 * {@code until}; the page after {@code after} (from the best match when empty), at most {@code limit} hits
 * (the configured default when empty).
 */
public record SearchMessagesCommand(UserId requester, UserId owner, String query, Optional<ChatId> chat, Optional<String> actor,
                                    Optional<Instant> since, Optional<Instant> until, Optional<SearchCursor> after,
                                    OptionalInt limit) {
    public SearchMessagesCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(limit, "limit");
    }

    /** A user's own search for {@code query} in all their chats, the first page of the default size. */
    public static SearchMessagesCommand of(UserId user, String query) {
        return new SearchMessagesCommand(user, user, query, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    /** This search, continuing after {@code cursor}. */
    public SearchMessagesCommand withAfter(SearchCursor cursor) {
        return new SearchMessagesCommand(requester, owner, query, chat, actor, since, until, Optional.of(cursor), limit);
    }

    /** This search with at most {@code size} hits per page. */
    public SearchMessagesCommand withLimit(int size) {
        return new SearchMessagesCommand(requester, owner, query, chat, actor, since, until, after, OptionalInt.of(size));
    }
}
