package neptun.chat.adapters.rest;

import java.util.Objects;
import neptun.chat.application.port.in.CreateChat;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.ListChats;
import neptun.chat.application.port.in.ReadMessages;
import neptun.chat.application.port.in.RemoveLastMessage;
import neptun.chat.application.port.in.RenameChat;

/** The use cases the HTTP API calls, one per route. */
public record UseCases(
        CreateChat createChat,
        ListChats listChats,
        RenameChat renameChat,
        DeleteChat deleteChat,
        CreateMessages createMessages,
        ReadMessages readMessages,
        RemoveLastMessage removeLastMessage) {

    public UseCases {
        Objects.requireNonNull(createChat, "createChat");
        Objects.requireNonNull(listChats, "listChats");
        Objects.requireNonNull(renameChat, "renameChat");
        Objects.requireNonNull(deleteChat, "deleteChat");
        Objects.requireNonNull(createMessages, "createMessages");
        Objects.requireNonNull(readMessages, "readMessages");
        Objects.requireNonNull(removeLastMessage, "removeLastMessage");
    }
}
