package neptun.chat.application.service;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import neptun.chat.application.port.in.ChatExport;
import neptun.chat.application.port.in.ChatNotFoundException;
import neptun.chat.application.port.in.ExportChat;
import neptun.chat.application.port.in.ExportChatCommand;
import neptun.chat.application.port.out.LoadChatPort;
import neptun.chat.application.port.out.LoadMessagesPort;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatMessage;

/**
 * Exports a chat as keyset pages of {@link #PAGE_SIZE} messages: each page is one call of the store (its own
 * connection, for the time of one range scan), so memory holds one page and no connection waits on a slow
 * reader while the export is written out.
 */
public class ExportChatService implements ExportChat {
    /**
     * Messages per page. A page costs one index range scan; 250 keep the statements few (400 for 100,000
     * messages) while a page of even the longest messages stays a few tens of megabytes at most.
     */
    static final int PAGE_SIZE = 250;

    private final LoadChatPort chats;
    private final LoadMessagesPort messages;
    private final int pageSize;

    public ExportChatService(LoadChatPort chats, LoadMessagesPort messages) {
        this(chats, messages, PAGE_SIZE);
    }

    ExportChatService(LoadChatPort chats, LoadMessagesPort messages, int pageSize) {
        this.chats = Objects.requireNonNull(chats);
        this.messages = Objects.requireNonNull(messages);
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.pageSize = pageSize;
    }

    @Override
    public ChatExport export(ExportChatCommand command) {
        if (!command.requester().equals(command.owner())) {
            throw new ChatNotFoundException();
        }
        Chat chat = chats.loadChat(command.owner(), command.chatId()).orElseThrow(ChatNotFoundException::new);
        return new Export(chat);
    }

    private final class Export implements ChatExport {
        private final Chat chat;
        private final AtomicBoolean consumed = new AtomicBoolean();

        Export(Chat chat) {
            this.chat = chat;
        }

        @Override
        public Chat chat() {
            return chat;
        }

        @Override
        public long forEachMessage(Consumer<? super ChatMessage> action) {
            if (!consumed.compareAndSet(false, true)) {
                throw new IllegalStateException("an export is read once");
            }
            long after = 0;
            long count = 0;
            while (true) {
                List<ChatMessage> page = messages.loadMessages(chat.owner(), chat.id(), after, pageSize)
                        .orElseThrow(ChatNotFoundException::new).messages();
                page.forEach(action);
                count += page.size();
                if (page.size() < pageSize) {
                    return count;
                }
                after = page.get(page.size() - 1).id().value();
            }
        }
    }
}
