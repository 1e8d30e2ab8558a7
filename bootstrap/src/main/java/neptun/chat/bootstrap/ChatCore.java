package neptun.chat.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import neptun.chat.adapters.persistence.JdbiChatStore;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.out.UnsealSessionPort;
import neptun.chat.application.service.AuthenticateSessionService;
import neptun.chat.application.service.CreateChatService;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.application.service.DeleteChatService;
import neptun.chat.application.service.IssueSessionService;
import neptun.chat.application.service.ListChatsService;
import neptun.chat.application.service.ReadMessagesService;
import neptun.chat.application.service.RegisterUserService;
import neptun.chat.application.service.RemoveLastMessageService;
import neptun.chat.application.service.RenameChatService;
import neptun.chat.application.service.RevokeSessionService;
import neptun.chat.domain.SessionToken;

/** Builds every use case over one store: what the server and the command line both call. */
final class ChatCore {
    private ChatCore() {
    }

    /** With the default page limits. */
    static UseCases over(JdbiChatStore store, Clock clock, MessageLimits limits, Optional<UnsealSessionPort> seals) {
        return over(store, clock, limits, PageLimits.DEFAULT, seals);
    }

    static UseCases over(JdbiChatStore store, Clock clock, MessageLimits limits, PageLimits pages,
                         Optional<UnsealSessionPort> seals) {
        var random = new SecureRandom();
        return new UseCases(
                new CreateMessagesService(store, clock, limits),
                new ReadMessagesService(store, pages),
                new RemoveLastMessageService(store),
                new CreateChatService(store, clock),
                new ListChatsService(store, pages),
                new RenameChatService(store, clock),
                new DeleteChatService(store),
                new RegisterUserService(store),
                new IssueSessionService(store, store, () -> SessionToken.generate(random), clock),
                new RevokeSessionService(store, clock),
                new AuthenticateSessionService(store, seals, store, clock));
    }
}
