package neptun.chat.application.port.in;

/** Finds a user's messages across all their chats, best match first. */
public interface SearchMessages {
    /**
     * @return the owner's messages that match the command's query and filters, best first, at most the
     *     command's limit of them, each with its chat's name and a snippet; and the command for the next page
     *     when more may follow
     * @throws InvalidInputException when the query is empty, blank, too long, not valid text or names nothing to
     *     find, the actor is unknown, or the limit is out of bounds
     * @throws ChatNotFoundException when the requester acts for another user
     */
    SearchPage search(SearchMessagesCommand command);
}
