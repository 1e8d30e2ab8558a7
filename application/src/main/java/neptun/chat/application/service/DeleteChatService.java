package neptun.chat.application.service;

import java.util.Objects;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.DeleteChat;
import neptun.chat.application.port.in.DeleteChatCommand;
import neptun.chat.application.port.out.DeleteChatPort;
import neptun.chat.domain.Chat;

public class DeleteChatService implements DeleteChat {
    private final DeleteChatPort chats;

    public DeleteChatService(DeleteChatPort chats) {
        this.chats = Objects.requireNonNull(chats);
    }

    @Override
    public Chat delete(DeleteChatCommand command) {
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        return chats.deleteChat(command.owner(), command.chatId()).orElseThrow(ChatNotFoundException::new);
    }
}
