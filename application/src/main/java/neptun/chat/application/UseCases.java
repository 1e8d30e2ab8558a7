package neptun.chat.application;

import java.util.Objects;
import neptun.chat.application.port.in.AuthenticateSession;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.ExportChat;
import neptun.chat.application.port.in.IssueSession;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.RegisterUser;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RenameChat;
import neptun.chat.application.port.in.RevokeSession;
import neptun.chat.application.port.in.SearchMessages;

/** Every use case of the service, by its in-port: what the HTTP adapter, the commands and in-process callers call. */
public record UseCases(
        CreateMessages createMessages,
        ReadMessages readMessages,
        RemoveLastMessage removeLastMessage,
        CreateChat createChat,
        ListChats listChats,
        RenameChat renameChat,
        DeleteChat deleteChat,
        RegisterUser registerUser,
        IssueSession issueSession,
        RevokeSession revokeSession,
        AuthenticateSession authenticateSession,
        SearchMessages searchMessages,
        ExportChat exportChat) {

    public UseCases {
        Objects.requireNonNull(createMessages, "createMessages");
        Objects.requireNonNull(readMessages, "readMessages");
        Objects.requireNonNull(removeLastMessage, "removeLastMessage");
        Objects.requireNonNull(createChat, "createChat");
        Objects.requireNonNull(listChats, "listChats");
        Objects.requireNonNull(renameChat, "renameChat");
        Objects.requireNonNull(deleteChat, "deleteChat");
        Objects.requireNonNull(registerUser, "registerUser");
        Objects.requireNonNull(issueSession, "issueSession");
        Objects.requireNonNull(revokeSession, "revokeSession");
        Objects.requireNonNull(authenticateSession, "authenticateSession");
        Objects.requireNonNull(searchMessages, "searchMessages");
        Objects.requireNonNull(exportChat, "exportChat");
    }
}
