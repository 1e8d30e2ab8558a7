package neptun.chat.application.port.in;

/** Reads a chat's messages page by page, in the order they were stored. */
public interface ReadMessages {
    /**
     * @return the messages with ids greater than the command's {@code after}, in id order, at most the
     *     command's limit of them, and the command for the next page when more exist
     * @throws InvalidInputException when {@code after} is negative or the limit is not between 1 and the
     *     configured maximum
     * @throws ChatNotFoundException when the chat is not the requester's own
     */
    MessagePage read(ReadMessagesCommand command);
}
