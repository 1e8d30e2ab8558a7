package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.WireNames.FORMAT;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.dto.ExportLine;
import neptun.chat.adapters.rest.error.DescriptionRefs;
import neptun.chat.adapters.rest.error.InputFrom;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.adapters.rest.error.RequestPart;
import neptun.chat.adapters.rest.export.ExportFormat;
import neptun.chat.application.port.in.ChatExport;
import neptun.chat.application.port.in.ExportChat;
import neptun.chat.application.port.in.ExportChatCommand;
import neptun.chat.application.port.in.Violation;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;

/**
 * A whole chat as a download, streamed: the chat is checked before the answer starts (so a missing chat is a
 * 404 envelope), then its messages are written as they are read, a page at a time. No {@code @Produces}: the
 * format is the query's, whatever the client accepts.
 */
@Path(ChatExportResource.ROUTE)
@Tag(name = "chats", description = "A user's chats")
@SecurityRequirement(name = DescriptionRefs.SESSION)
public final class ChatExportResource {
    static final String ROUTE = "/api/users/{user_id}/chats/{chat_id}/export";

    private final ExportChat exportChat;

    public ChatExportResource(ExportChat exportChat) {
        this.exportChat = Objects.requireNonNull(exportChat);
    }

    /** {@code format} is {@code jsonl} (the default) or {@code markdown}. */
    @GET
    @InputFrom(RequestPart.EXPORT_QUERY)
    @Operation(operationId = "exportChat", summary = "Download a whole chat as JSON Lines or Markdown",
            description = "Streamed as the messages are read, in id order. JSON Lines is what import-messages reads; Markdown"
                    + " has the chat's name as its heading and a section per message.")
    @ApiResponse(responseCode = "200", description = "The whole chat, as a download in the format asked for.",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "attachment; filename=\"chat-<chat_id>.jsonl\""
                    + " (or .md): a name made of the chat's id only.", required = true, schema = @Schema(types = "string")),
            content = {@Content(mediaType = ExportFormat.JSONL_MEDIA_TYPE, schema = @Schema(implementation = ExportLine.class)),
                       @Content(mediaType = ExportFormat.MARKDOWN_MEDIA_TYPE, schema = @Schema(types = "string"))})
    public Response export(@Parameter(hidden = true) @Auth AuthenticatedUser user,
                           @Parameter(description = DescriptionRefs.USER_ID) @PathParam("user_id") String userId,
                           @Parameter(description = DescriptionRefs.CHAT_ID) @PathParam("chat_id") String chatId,
                           @Parameter(description = "jsonl (application/x-ndjson, one object per line) or markdown (text/markdown).")
                           @QueryParam(FORMAT) List<String> format) {
        UserId owner = ChatMessagesResource.owner(userId);
        ChatId chat = ChatMessagesResource.chat(chatId);
        List<Issue> issues = new ArrayList<>();
        ExportFormat chosen = QueryParameters.single(FORMAT, format, issues).map(name -> ExportFormat.fromName(name).orElseGet(() -> {
            issues.add(Issue.invalidEnumValue(List.of(FORMAT), ExportFormat.names(), Violation.preview(name)));
            return ExportFormat.JSONL;
        })).orElse(ExportFormat.JSONL);
        if (!issues.isEmpty()) {
            throw InvalidRequestException.invalid(RequestPart.EXPORT_QUERY, issues);
        }
        ChatExport export = exportChat.export(new ExportChatCommand(user.id(), owner, chat));
        StreamingOutput body = out -> chosen.writeTo(export, out);
        return Response.ok(body, chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName(chat.value()) + "\"")
                .build();
    }
}
