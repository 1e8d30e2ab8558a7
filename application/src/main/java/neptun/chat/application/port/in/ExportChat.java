package neptun.chat.application.port.in;

/** Takes a whole chat out: the chat, then all its messages in the order they were stored. */
public interface ExportChat {
    /**
     * Checks that the chat is the requester's own and reads it; its messages are read when the export is
     * consumed, a page at a time, so that an export of any length needs the memory of one page.
     *
     * @throws ChatNotFoundException when the chat is not the requester's own
     */
    ChatExport export(ExportChatCommand command);
}
