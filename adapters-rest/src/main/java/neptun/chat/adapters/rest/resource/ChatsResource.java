package neptun.chat.adapters.rest.resource;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.dto.ChatInputBody;
import neptun.chat.adapters.rest.dto.ChatsResponse;
import neptun.chat.adapters.rest.dto.SingleChatResponse;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.EntityTags;
import neptun.chat.adapters.rest.error.InputFrom;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.application.port.in.ChatOrder;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ListChatsCommand;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RenameChatCommand;
import neptun.chat.application.port.in.Violation;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.IdempotencyKey;
import neptun.chat.domain.UserId;

/** A user's chats: create, list, rename and delete (with their messages); writes are safe to retry with an {@code Idempotency-Key}. */
@Path(ChatsResource.ROUTE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "chats", description = "A user's chats")
@SecurityRequirement(name = DescriptionRefs.SESSION)
public final class ChatsResource {
    static final String ROUTE = "/api/users/{user_id}/chats";
    public static final String ORDER_BY = "order_by";

    /**
     * The accepted {@code order_by} values: a column, optionally with neptun's {@code :asc} or {@code :desc};
     * a bare column means descending, newest first.
     */
    public static final Map<String, ChatOrder> ORDERS = orders();

    private final CreateChat createChat;
    private final ListChats listChats;
    private final RenameChat renameChat;
    private final DeleteChat deleteChat;
    private final ChatBodyReader bodyReader = new ChatBodyReader();

    public ChatsResource(CreateChat createChat, ListChats listChats, RenameChat renameChat, DeleteChat deleteChat) {
        this.createChat = Objects.requireNonNull(createChat);
        this.listChats = Objects.requireNonNull(listChats);
        this.renameChat = Objects.requireNonNull(renameChat);
        this.deleteChat = Objects.requireNonNull(deleteChat);
    }

    /** Creates a chat; with {@code Idempotency-Key}, a repeat creates none and answers with the first one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @InputFrom(RequestPart.CHAT_BODY)
    @Operation(operationId = "createChat", summary = "Create a chat")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChatInputBody.class)))
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IDEMPOTENCY_KEY, description = DescriptionRefs.IDEMPOTENCY_KEY_DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @ApiResponse(responseCode = "200", description = "The new chat.",
            headers = @Header(name = EntityTags.IDEMPOTENT_REPLAYED, ref = DescriptionRefs.REPLAYED_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SingleChatResponse.class)))
    public Response create(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                           @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                           @Parameter(hidden = true) InputStream body,
                           @Context HttpHeaders httpHeaders) {
        UserId owner = ChatMessagesResource.owner(userId);
        WriteHeaders headers = WriteHeaders.of(httpHeaders.getRequestHeaders());
        ChatBody request = bodyReader.read(body);
        var command = new CreateChatCommand(user.id(), owner, request.name(), request.model(),
                headers.idempotency(() -> RequestFingerprints.of("POST", ROUTE, List.of(owner.value()), request.json())));
        Outcome<Chat> created = command.idempotency().isPresent() ? createChat.createOnce(command) : Outcome.fresh(createChat.create(command));
        return Answers.ok(SingleChatResponse.from(created.result()), created).build();
    }

    /** At most {@code limit} chats in {@code order_by} order, most recently active first by default. */
    @GET
    @InputFrom(RequestPart.CHATS_QUERY)
    @Operation(operationId = "listChats", summary = "List chats, most recently active first by default")
    @ApiResponse(responseCode = "200", description = "At most limit chats, in order_by order (ties by id).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatsResponse.class)))
    public Response list(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                         @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                         @Parameter(description = "A column, optionally with :asc or :desc; a bare column is newest first.")
                         @QueryParam(ORDER_BY) List<String> orderBy,
                         @Parameter(description = "The most chats to answer.") @QueryParam(LIMIT) List<String> limit) {
        UserId owner = ChatMessagesResource.owner(userId);
        List<Issue> issues = new ArrayList<>();
        ChatOrder order = QueryParameters.single(ORDER_BY, orderBy, issues).map(value -> order(value, issues))
                .orElse(ChatOrder.UPDATED_AT_DESC);
        OptionalInt size = QueryParameters.saturatedInt(QueryParameters.integer(LIMIT, limit, issues));
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalid(RequestPart.CHATS_QUERY, issues);
        }
        List<Chat> chats = listChats.list(new ListChatsCommand(user.id(), owner, order, size));
        return Response.ok(ChatsResponse.from(chats)).build();
    }

    /** Renames the chat, and switches its model when the body names one; with {@code Idempotency-Key}, once. */
    @PATCH
    @Path("{chat_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @InputFrom(RequestPart.CHAT_BODY)
    @Operation(operationId = "renameChat", summary = "Rename a chat, and switch its model when the body names one")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChatInputBody.class)))
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IDEMPOTENCY_KEY, description = DescriptionRefs.IDEMPOTENCY_KEY_DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @ApiResponse(responseCode = "200", description = "The renamed chat.",
            headers = @Header(name = EntityTags.IDEMPOTENT_REPLAYED, ref = DescriptionRefs.REPLAYED_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SingleChatResponse.class)))
    public Response rename(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                           @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                           @Parameter(description = DescriptionRefs.CHAT_ID) @PathParam("chat_id") String chatId,
                           @Parameter(hidden = true) InputStream body,
                           @Context HttpHeaders httpHeaders) {
        UserId owner = ChatMessagesResource.owner(userId);
        ChatId chat = ChatMessagesResource.chat(chatId);
        WriteHeaders headers = WriteHeaders.of(httpHeaders.getRequestHeaders());
        ChatBody request = bodyReader.read(body);
        var command = new RenameChatCommand(user.id(), owner, chat, request.name(), request.model(),
                headers.idempotency(() -> RequestFingerprints.of("PATCH", ROUTE + "/{chat_id}", List.of(owner.value(), chat.toString()),
                        request.json())));
        Outcome<Chat> renamed = command.idempotency().isPresent() ? renameChat.renameOnce(command) : Outcome.fresh(renameChat.rename(command));
        return Answers.ok(SingleChatResponse.from(renamed.result()), renamed).build();
    }

    /**
     * Deletes the chat and all its messages; answers with the chat as it was. With {@code Idempotency-Key},
     * a repeat answers as the first request did.
     */
    @DELETE
    @Path("{chat_id}")
    @Operation(operationId = "deleteChat", summary = "Delete a chat and all its messages")
    @Parameter(in = ParameterIn.HEADER, name = EntityTags.IDEMPOTENCY_KEY, description = DescriptionRefs.IDEMPOTENCY_KEY_DESCRIPTION,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @ApiResponse(responseCode = "200", description = "The chat as it was before it was deleted.",
            headers = @Header(name = EntityTags.IDEMPOTENT_REPLAYED, ref = DescriptionRefs.REPLAYED_HEADER),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SingleChatResponse.class)))
    public Response delete(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                           @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                           @Parameter(description = DescriptionRefs.CHAT_ID) @PathParam("chat_id") String chatId,
                           @Context HttpHeaders httpHeaders) {
        UserId owner = ChatMessagesResource.owner(userId);
        ChatId chat = ChatMessagesResource.chat(chatId);
        WriteHeaders headers = WriteHeaders.of(httpHeaders.getRequestHeaders());
        var command = new DeleteChatCommand(user.id(), owner, chat,
                headers.idempotency(() -> RequestFingerprints.of("DELETE", ROUTE + "/{chat_id}", List.of(owner.value(), chat.toString()))));
        Outcome<Chat> deleted = command.idempotency().isPresent() ? deleteChat.deleteOnce(command) : Outcome.fresh(deleteChat.delete(command));
        return Answers.ok(SingleChatResponse.from(deleted.result()), deleted).build();
    }

    private static ChatOrder order(String value, List<Issue> issues) {
        ChatOrder order = ORDERS.get(value);
        if (order == null) {
            issues.add(Issue.invalidEnumValue(List.of(ORDER_BY), List.copyOf(ORDERS.keySet()), Violation.preview(value)));
            return ChatOrder.UPDATED_AT_DESC;
        }
        return order;
    }

    private static Map<String, ChatOrder> orders() {
        Map<String, ChatOrder> orders = new LinkedHashMap<>();
        orders.put("updated_at", ChatOrder.UPDATED_AT_DESC);
        orders.put("created_at", ChatOrder.CREATED_AT_DESC);
        orders.put("updated_at:desc", ChatOrder.UPDATED_AT_DESC);
        orders.put("updated_at:asc", ChatOrder.UPDATED_AT_ASC);
        orders.put("created_at:desc", ChatOrder.CREATED_AT_DESC);
        orders.put("created_at:asc", ChatOrder.CREATED_AT_ASC);
        return Collections.unmodifiableMap(orders);
    }
}
