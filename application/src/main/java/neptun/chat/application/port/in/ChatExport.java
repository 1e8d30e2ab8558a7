package neptun.chat.application.port.in;

import java.util.function.Consumer;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatMessage;

/** A chat being exported: the chat as it was when the export began, and its messages, read as they are consumed. */
public interface ChatExport {
    Chat chat();

    /**
     * Hands every message of the chat to {@code action} in id order, reading one page at a time, each page in a
     * call of its own: no connection or transaction is held while {@code action} runs. Messages appended while
     * the export runs are included if they arrive before the export reaches the end. Can be called once.
     *
     * @return how many messages were handed over
     * @throws ChatNotFoundException when the chat was deleted while the export ran
     */
    long forEachMessage(Consumer<? super ChatMessage> action);
}
