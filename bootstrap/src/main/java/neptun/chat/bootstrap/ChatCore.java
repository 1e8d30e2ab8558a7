package neptun.chat.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import neptun.chat.adapters.persistence.JdbiChatStore;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.IssueSession;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.RegisterUser;
import neptun.chat.application.port.in.RevokeSession;
import neptun.chat.application.port.out.UnsealSessionPort;
import neptun.chat.application.service.AuthenticateSessionService;
import neptun.chat.application.service.CreateChatService;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.application.service.IssueSessionService;
import neptun.chat.application.service.RegisterUserService;
import neptun.chat.application.service.RevokeSessionService;
import neptun.chat.domain.SessionToken;

/** Every use case, built over one store: what the server and the command line both call. */
public record ChatCore(
        CreateMessages createMessages,
        CreateChat createChat,
        RegisterUser registerUser,
        IssueSession issueSession,
        RevokeSession revokeSession,
        AuthenticateSession authenticateSession) {

    static ChatCore over(JdbiChatStore store, Clock clock, MessageLimits limits, Optional<UnsealSessionPort> seals) {
        var random = new SecureRandom();
        return new ChatCore(
                new CreateMessagesService(store, clock, limits),
                new CreateChatService(store, clock),
                new RegisterUserService(store),
                new IssueSessionService(store, store, () -> SessionToken.generate(random), clock),
                new RevokeSessionService(store, clock),
                new AuthenticateSessionService(store, seals, store, clock));
    }
}
