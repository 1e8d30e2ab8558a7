package neptun.chat.adapters.rest.resource;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.dto.MultipleMessagesResponse;
import neptun.chat.adapters.rest.dto.SingleMessageResponse;
import neptun.chat.adapters.rest.error.InvalidRequestException;
import neptun.chat.adapters.rest.error.Issue;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.InvalidInputException;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.UserId;

/** Appends one message or a batch of messages to a chat, answering in the shape the body came in. */
@Path("/api/users/{user_id}/chats/{chat_id}/messages")
@Produces(MediaType.APPLICATION_JSON)
public final class ChatMessagesResource {
    private final CreateMessages createMessages;
    private final MessagesBodyReader bodyReader = new MessagesBodyReader();

    public ChatMessagesResource(CreateMessages createMessages) {
        this.createMessages = Objects.requireNonNull(createMessages);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth AuthenticatedUser user,
                           @PathParam("user_id") String userId,
                           @PathParam("chat_id") String chatId,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) {
        // Jersey lets a request without Content-Type through to any @Consumes.
        if (contentType == null) {
            throw new NotSupportedException();
        }
        // No user can have an id that does not parse, so it is as unknown as any other.
        UserId owner = UserId.parse(userId).orElseThrow(ChatNotFoundException::new);
        ChatId chat = ChatId.parse(chatId).orElseThrow(InvalidRequestException::invalidChatId);
        MessagesBody request = bodyReader.read(body);
        List<ChatMessage> created = store(new CreateMessagesCommand(user.id(), owner, chat, request.messages()), request.form());
        Object answer = request.form() == BodyForm.SINGLE
                ? SingleMessageResponse.from(created.get(0))
                : MultipleMessagesResponse.from(created);
        return Response.ok(answer).build();
    }

    /** Runs the use case, reporting its violations at their places in the body the client sent. */
    private List<ChatMessage> store(CreateMessagesCommand command, BodyForm form) {
        try {
            return createMessages.create(command);
        } catch (InvalidInputException invalid) {
            throw InvalidRequestException.invalidBody(invalid.violations().stream()
                    .map(violation -> Issue.of(violation, form.bodyPath(violation.path())))
                    .toList(), invalid);
        }
    }
}
