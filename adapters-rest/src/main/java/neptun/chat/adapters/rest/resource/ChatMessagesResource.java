package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.WireNames.AFTER;
import static neptun.chat.adapters.rest.error.WireNames.LIMIT;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.dto.MessageBatchBody;
import neptun.chat.adapters.rest.dto.MultipleMessagesResponse;
import neptun.chat.adapters.rest.dto.SingleMessageBody;
import neptun.chat.adapters.rest.dto.SingleMessageResponse;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.EntityTags;
import neptun.chat.adapters.rest.error.InputFrom;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.adapters.rest.error.WireNames;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.application.port.in.MessagePage;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.ReadMessagesCommand;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RemoveLastMessageCommand;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/**
 * The messages of a chat: appends one message or a batch (answering in the shape the body came in),
 * reads them page by page with a cursor, and removes the newest. Writes are safe to retry with an
 * {@code Idempotency-Key} and conditional with {@code If-Match} on the chat's {@code ETag}.
 */
@Path(ChatMessagesResource.ROUTE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages", description = "The messages of a chat")
@SecurityRequirement(name = DescriptionRefs.SESSION)
public final class ChatMessagesResource {
    static final String ROUTE = "/api/users/{user_id}/chats/{chat_id}/messages";

    private final CreateMessages createMessages;
    private final ReadMessages readMessages;
    private final RemoveLastMessage removeLastMessage;
    private final MessagesBodyReader bodyReader = new MessagesBodyReader();

    public ChatMessagesResource(CreateMessages createMessages, ReadMessages readMessages, RemoveLastMessage removeLastMessage) {
        this.createMessages = Objects.requireNonNull(createMessages);
        this.readMessages = Objects.requireNonNull(readMessages);
        this.removeLastMessage = Objects.requireNonNull(removeLastMessage);
    }

    /**
     * Stores the body's messages; a refusal names them as the body did ({@code message} or
     * {@code messages[i].content}). With {@code Idempotency-Key}, a repeat answers as the first request did and
     * stores nothing; with {@code If-Match}, the messages are stored only if the chat's newest message is the
     * one it names. The answer's {@code ETag} names the last message stored.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @InputFrom(RequestPart.MESSAGES_BODY)
    @Operation(operationId = "createMessages", summary = "Append one message or a batch",
            description = "A batch is stored in one transaction, in array order, with increasing ids; if any element is invalid"
                    + " nothing is stored. The answer mirrors the body's form.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {SingleMessageBody.class, MessageBatchBody.class})))
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IDEMPOTENCY_KEY, description = DescriptionRefs.IDEMPOTENCY_KEY_DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IF_MATCH, description = DescriptionRefs.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The stored messages, in the body's form; ETag names the last of them.",
            headers = {@Header(name = EntityTags.ETAG, ref = DescriptionRefs.ETAG_HEADER),
                       @Header(name = EntityTags.IDEMPOTENT_REPLAYED, ref = DescriptionRefs.REPLAYED_HEADER)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {SingleMessageResponse.class, MultipleMessagesResponse.class})))
    public Response create(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                           @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                           @Parameter(description = DescriptionRefs.CHAT_ID) @PathParam("chat_id") String chatId,
                           @Parameter(hidden = true) @HeaderParam(EntityTags.IDEMPOTENCY_KEY) List<String> idempotencyKeys,
                           @Parameter(hidden = true) @HeaderParam(EntityTags.IF_MATCH) List<String> ifMatch,
                           @Parameter(hidden = true) InputStream body) {
        UserId owner = owner(userId);
        ChatId chat = chat(chatId);
        WriteHeaders headers = WriteHeaders.of(idempotencyKeys, ifMatch);
        MessagesBody request = bodyReader.read(body);
        var command = new CreateMessagesCommand(user.id(), owner, chat, request.messages(), headers.expectedLastMessageId(),
                headers.idempotency(() -> RequestFingerprints.of("POST", ROUTE, List.of(owner.value(), chat.toString()), request.json())));
        Outcome<List<ChatMessage>> created;
        try {
            created = command.idempotency().isPresent()
                    ? createMessages.createOnce(command)
                    : Outcome.fresh(createMessages.create(command));
        } catch (InvalidInputException refused) { // placed by the body's own names: "message" in a single-message body
            throw InvalidRequestException.refused(refused, RequestPart.MESSAGES_BODY, request.form().names());
        }
        List<ChatMessage> messages = created.result();
        Object answer = request.form() == BodyForm.SINGLE
                ? SingleMessageResponse.from(messages.get(0))
                : MultipleMessagesResponse.from(messages);
        var response = Answers.ok(answer, created);
        if (!messages.isEmpty()) { // the use case stores at least one message; only a test double answers none
            response.header(EntityTags.ETAG, EntityTags.of(messages.get(messages.size() - 1).id().value()));
        }
        return response.build();
    }

    /**
     * One page of messages in id order: those after message id {@code after} (exclusive; from the start
     * when absent), at most {@code limit} of them. When more follow, a {@code Link} header with
     * {@code rel="next"} names the request for the next page. {@code ETag} names the chat's newest message,
     * whatever the page.
     */
    @GET
    @InputFrom(RequestPart.MESSAGES_QUERY)
    @Operation(operationId = "readMessages", summary = "Read a page of messages in id order")
    @ApiResponse(responseCode = "200", description = "One page; Link names the next one when more follow.",
            headers = {@Header(name = EntityTags.ETAG, ref = DescriptionRefs.ETAG_HEADER),
                       @Header(name = "Link", ref = DescriptionRefs.LINK_HEADER)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MultipleMessagesResponse.class)))
    public Response read(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                         @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                         @Parameter(description = DescriptionRefs.CHAT_ID) @PathParam("chat_id") String chatId,
                         @Parameter(description = "The last message id the client has; from the start when absent.")
                         @QueryParam(AFTER) List<String> after,
                         @Parameter(description = "The most messages to answer.") @QueryParam(LIMIT) List<String> limit) {
        UserId owner = owner(userId);
        ChatId chat = chat(chatId);
        List<Issue> issues = new ArrayList<>();
        OptionalLong afterId = QueryParameters.integer(AFTER, after, issues);
        OptionalLong size = QueryParameters.integer(LIMIT, limit, issues);
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalid(RequestPart.MESSAGES_QUERY, issues);
        }
        var command = new ReadMessagesCommand(user.id(), owner, chat, afterId.orElse(0), QueryParameters.saturatedInt(size));
        MessagePage page = readMessages.read(command);
        var response = Response.ok(MultipleMessagesResponse.from(page.messages()));
        page.next().ifPresent(next -> response.header("Link", "<" + nextPage(next) + ">; rel=\"next\""));
        return response.header(EntityTags.ETAG, EntityTags.of(page.lastMessageId())).build();
    }

    /**
     * Removes the chat's newest message (to have an answer generated again) and answers with it. With
     * {@code Idempotency-Key}, a repeat removes nothing and answers as the first request did; with
     * {@code If-Match}, the message is removed only if it is the one the header names.
     */
    @DELETE
    @Path("last")
    @Operation(operationId = "removeLastMessage", summary = "Remove the chat's newest message",
            description = "To have an answer generated again. A chat without messages is answered 404 (No messages in chat).")
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IDEMPOTENCY_KEY, description = DescriptionRefs.IDEMPOTENCY_KEY_DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IF_MATCH, description = DescriptionRefs.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The removed message.",
            headers = @Header(name = EntityTags.IDEMPOTENT_REPLAYED, ref = DescriptionRefs.REPLAYED_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SingleMessageResponse.class)))
    public Response removeLast(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                               @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                               @Parameter(description = DescriptionRefs.CHAT_ID) @PathParam("chat_id") String chatId,
                               @Context HttpHeaders httpHeaders) {
        UserId owner = owner(userId);
        ChatId chat = chat(chatId);
        WriteHeaders headers = WriteHeaders.of(httpHeaders.getRequestHeaders());
        var command = new RemoveLastMessageCommand(user.id(), owner, chat, headers.expectedLastMessageId(),
                headers.idempotency(() -> RequestFingerprints.of("DELETE", ROUTE + "/last", List.of(owner.value(), chat.toString()))));
        Outcome<ChatMessage> removed = command.idempotency().isPresent()
                ? removeLastMessage.removeOnce(command)
                : Outcome.fresh(removeLastMessage.remove(command));
        return Answers.ok(SingleMessageResponse.from(removed.result()), removed).build();
    }

    /** No user can have an id that does not parse, so it is as unknown as any other. */
    static UserId owner(String userId) {
        return UserId.parse(userId).orElseThrow(ChatNotFoundException::new);
    }

    static ChatId chat(String chatId) {
        return ChatId.parse(chatId).orElseThrow(InvalidRequestException::invalidChatId);
    }

    /** The path and query of the next page's request, relative to the server's root. */
    static String nextPage(ReadMessagesCommand next) {
        String limit = next.limit().isPresent() ? "&" + LIMIT + "=" + next.limit().getAsInt() : "";
        return "/api/users/" + PathSegments.encode(next.owner().value()) + "/chats/" + next.chatId().value() + "/messages"
                + "?" + AFTER + "=" + next.after() + limit;
    }
}
