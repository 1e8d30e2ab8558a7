package neptun.chat.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.in.SearchCursor;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.domain.Actor;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.SearchQuery;
import neptun.chat.domain.UserId;

/** Finds messages of one user by their content. */
public interface SearchMessagesPort {
    /**
     * @return up to {@code limit} messages of {@code owner}'s chats that match {@code query} and {@code filters},
     *     in descending (relevance, id) order, starting strictly after {@code after} when given; never a message
     *     of another user or of a deleted chat
     */
    List<SearchHit> searchMessages(UserId owner, SearchQuery query, Filters filters, Optional<SearchCursor> after, int limit);

    /** Which messages may match: of one chat, by one actor, created at or after {@code since} and before {@code until}. */
    record Filters(Optional<ChatId> chat, Optional<Actor> actor, Optional<Instant> since, Optional<Instant> until) {
        public static final Filters NONE = new Filters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Filters {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
        }
    }
}
