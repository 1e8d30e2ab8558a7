package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.WireNames.ACTOR;
import static neptun.chat.adapters.rest.error.WireNames.AFTER;
import static neptun.chat.adapters.rest.error.WireNames.CHAT_ID;
import static neptun.chat.adapters.rest.error.WireNames.LIMIT;
import static neptun.chat.adapters.rest.error.WireNames.QUERY;
import static neptun.chat.adapters.rest.error.WireNames.SINCE;
import static neptun.chat.adapters.rest.error.WireNames.UNTIL;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.dto.SearchResultsResponse;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.InputFrom;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.application.port.in.SearchCursor;
import neptun.chat.application.port.in.SearchMessages;
import neptun.chat.application.port.in.SearchMessagesCommand;
import neptun.chat.application.port.in.SearchPage;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * Searches the user's messages across all their chats: {@code q} in web-search syntax, optional filters, best
 * first, a page at a time with a {@code Link} to the next page as for a chat's messages.
 */
@Path(MessageSearchResource.ROUTE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search", description = "Finding messages across a user's chats")
@SecurityRequirement(name = DescriptionRefs.SESSION)
public final class MessageSearchResource {
    static final String ROUTE = "/api/users/{user_id}/messages/search";
    /** The operation id of the search in the API description. */
    public static final String OPERATION_ID = "searchMessages";

    private final SearchMessages searchMessages;

    public MessageSearchResource(SearchMessages searchMessages) {
        this.searchMessages = Objects.requireNonNull(searchMessages);
    }

    /**
     * One page of hits. The query's shape is checked here (one value each; {@code chat_id} a positive integer,
     * {@code since} and {@code until} ISO-8601 instants with an offset, {@code after} a cursor this route wrote),
     * the rest by the use case. {@code q} is required.
     */
    @GET
    @InputFrom(RequestPart.SEARCH_QUERY)
    @Operation(operationId = OPERATION_ID, summary = "Search the user's messages across all their chats, best first",
            description = "q is in web-search syntax: words (all must match), \"quoted phrases\" and -word to exclude. Messages of"
                    + " deleted chats are never found.")
    @ApiResponse(responseCode = "200", description = "One page of hits, best first; Link names the next one when more follow.",
            headers = @Header(name = "Link", ref = DescriptionRefs.LINK_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResultsResponse.class)))
    public Response search(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                           @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                           @Parameter(description = "What to find: words, \"quoted phrases\", -excluded words.", required = true)
                           @QueryParam(QUERY) List<String> q,
                           @Parameter(description = "Only this chat's messages.") @QueryParam(CHAT_ID) List<String> chatId,
                           @Parameter(description = "Only the messages of this actor.") @QueryParam(ACTOR) List<String> actor,
                           @Parameter(description = "Only messages created at or after this time (ISO-8601 with an offset).")
                           @QueryParam(SINCE) List<String> since,
                           @Parameter(description = "Only messages created before this time (ISO-8601 with an offset).")
                           @QueryParam(UNTIL) List<String> until,
                           @Parameter(description = "The cursor from the previous page's Link; from the best hit when absent.")
                           @QueryParam(AFTER) List<String> after,
                           @Parameter(description = "The most hits to answer.") @QueryParam(LIMIT) List<String> limit) {
        UserId owner = ChatMessagesResource.owner(userId);
        List<Issue> issues = new ArrayList<>();
        Optional<String> query = QueryParameters.single(QUERY, q, issues);
        if (query.isEmpty() && (q == null || q.isEmpty())) {
            issues.add(Issue.required(List.of(QUERY)));
        }
        Optional<ChatId> chat = QueryParameters.single(CHAT_ID, chatId, issues).flatMap(value -> {
            Optional<ChatId> parsed = ChatId.parse(value);
            if (parsed.isEmpty()) {
                issues.add(new Issue("invalid_type", "Expected a positive integer", List.of(CHAT_ID)));
            }
            return parsed;
        });
        Optional<String> role = QueryParameters.single(ACTOR, actor, issues);
        Optional<Instant> from = instant(SINCE, since, issues);
        Optional<Instant> to = instant(UNTIL, until, issues);
        Optional<SearchCursor> cursor = QueryParameters.single(AFTER, after, issues).flatMap(value -> {
            Optional<SearchCursor> parsed = SearchCursor.parse(value);
            if (parsed.isEmpty()) {
                issues.add(Issue.custom(List.of(AFTER), "Expected a cursor from a Link header of this route"));
            }
            return parsed;
        });
        var size = QueryParameters.saturatedInt(QueryParameters.integer(LIMIT, limit, issues));
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalid(RequestPart.SEARCH_QUERY, issues);
        }
        var command = new SearchMessagesCommand(user.id(), owner, query.orElseThrow(), chat, role, from, to, cursor, size);
        SearchPage page = searchMessages.search(command);
        var response = Response.ok(SearchResultsResponse.from(page.hits()));
        page.next().ifPresent(next -> response.header("Link", "<" + nextPage(next) + ">; rel=\"next\""));
        return response.build();
    }

    /** An ISO-8601 date and time with an offset ({@code 2026-11-25T14:00:00Z}, {@code 2026-11-25T15:00:00+01:00}). */
    private static Optional<Instant> instant(String name, List<String> values, List<Issue> issues) {
        return QueryParameters.single(name, values, issues).flatMap(value -> {
            try {
                return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                issues.add(Issue.custom(List.of(name), "Expected an ISO-8601 date and time with an offset, such as 2026-11-25T14:00:00Z"));
                return Optional.empty();
            }
        });
    }

    /** The path and query of the next page's request, every value percent-encoded. */
    static String nextPage(SearchMessagesCommand next) {
        StringBuilder link = new StringBuilder("/api/users/").append(PathSegments.encode(next.owner().value()))
                .append("/messages/search?").append(QUERY).append('=').append(PathSegments.encode(next.query()));
        next.chat().ifPresent(chat -> link.append('&').append(CHAT_ID).append('=').append(chat.value()));
        next.actor().ifPresent(actor -> link.append('&').append(ACTOR).append('=').append(PathSegments.encode(actor)));
        next.since().ifPresent(since -> link.append('&').append(SINCE).append('=').append(PathSegments.encode(since.toString())));
        next.until().ifPresent(until -> link.append('&').append(UNTIL).append('=').append(PathSegments.encode(until.toString())));
        next.after().ifPresent(after -> link.append('&').append(AFTER).append('=').append(PathSegments.encode(after.toString())));
        next.limit().ifPresent(limit -> link.append('&').append(LIMIT).append('=').append(limit));
        return link.toString();
    }
}
