package neptun.chat.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import neptun.chat.adapters.persistence.JdbiPersistence;
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

/** Builds every use case over one database's adapters: what the server and the command line both call. */
final class ChatCore {
    private ChatCore() {
    }

    /** With the default page limits. */
    static UseCases over(JdbiPersistence persistence, Clock clock, MessageLimits limits, Optional<UnsealSessionPort> seals) {
        return over(persistence, clock, limits, PageLimits.DEFAULT, seals);
    }

    static UseCases over(JdbiPersistence persistence, Clock clock, MessageLimits limits, PageLimits pages,
                         Optional<UnsealSessionPort> seals) {
        var random = new SecureRandom();
        return new UseCases(
                new CreateMessagesService(persistence.messages(), clock, limits),
                new ReadMessagesService(persistence.messages(), pages),
                new RemoveLastMessageService(persistence.messages()),
                new CreateChatService(persistence.chats(), clock),
                new ListChatsService(persistence.chats(), pages),
                new RenameChatService(persistence.chats(), clock),
                new DeleteChatService(persistence.chats()),
                new RegisterUserService(persistence.users()),
                new IssueSessionService(persistence.users(), persistence.sessions(), () -> SessionToken.generate(random), clock),
                new RevokeSessionService(persistence.sessions(), clock),
                new AuthenticateSessionService(persistence.sessions(), seals, persistence.users(), clock));
    }
}
