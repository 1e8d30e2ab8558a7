package neptun.chat.adapters.rest.resource;

import static neptun.chat.adapters.rest.error.WireNames.FORMAT;

import io.dropwizard.auth.Auth;
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
public final class ChatExportResource {
    static final String ROUTE = "/api/users/{user_id}/chats/{chat_id}/export";

    private final ExportChat exportChat;

    public ChatExportResource(ExportChat exportChat) {
        this.exportChat = Objects.requireNonNull(exportChat);
    }

    /** {@code format} is {@code jsonl} (the default) or {@code markdown}. */
    @GET
    @InputFrom(RequestPart.EXPORT_QUERY)
    public Response export(@Auth AuthenticatedUser user,
                           @PathParam("user_id") String userId,
                           @PathParam("chat_id") String chatId,
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
