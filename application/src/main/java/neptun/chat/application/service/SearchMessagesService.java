package neptun.chat.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.SearchHit;
import neptun.chat.application.port.in.SearchLimits;
import neptun.chat.application.port.in.SearchMessages;
import neptun.chat.application.port.in.SearchMessagesCommand;
import neptun.chat.application.port.in.SearchPage;
import neptun.chat.application.port.in.Violation;
import neptun.chat.application.port.out.SearchMessagesPort;
import neptun.chat.domain.Actor;
import neptun.chat.domain.SearchQuery;

/**
 * Checks a search (the query's text, its terms, the actor and the limit, every problem at once) and reads one
 * more hit than asked for, to know without counting whether another page follows.
 */
public class SearchMessagesService implements SearchMessages {
    private static final InputPath QUERY = InputPath.of(InputField.QUERY);
    private static final InputPath ACTOR = InputPath.of(InputField.ACTOR);

    private final SearchMessagesPort store;
    private final SearchLimits limits;

    public SearchMessagesService(SearchMessagesPort store, SearchLimits limits) {
        this.store = Objects.requireNonNull(store);
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public SearchPage search(SearchMessagesCommand command) {
        List<Violation> violations = new ArrayList<>();
        Optional<SearchQuery> query = Optional.empty();
        if (TextRules.check(QUERY, command.query(), limits.maxQueryLength(), violations)) {
            query = SearchQuery.parse(command.query());
            if (query.isEmpty()) {
                violations.add(Violation.of(QUERY, Violation.Kind.NO_SEARCH_TERMS));
            }
        }
        Optional<Actor> actor = command.actor().flatMap(Actor::fromName);
        if (command.actor().isPresent() && actor.isEmpty()) {
            violations.add(Violation.notOneOf(ACTOR, Actor.names(), command.actor().get()));
        }
        int limit = PageRules.limit(command.limit(), limits.pageLimits(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        var filters = new SearchMessagesPort.Filters(command.chat(), actor, command.since(), command.until());
        List<SearchHit> found = store.searchMessages(command.owner(), query.orElseThrow(), filters, command.after(), limit + 1);
        if (found.size() <= limit) {
            return new SearchPage(found, Optional.empty());
        }
        List<SearchHit> page = found.subList(0, limit);
        // The next page keeps the command's own limit (none means the default), so its link repeats only what was asked.
        return new SearchPage(page, Optional.of(command.withAfter(page.get(limit - 1).cursor())));
    }
}
