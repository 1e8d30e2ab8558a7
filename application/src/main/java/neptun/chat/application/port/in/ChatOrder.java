package neptun.chat.application.port.in;

/**
 * The order in which chats are listed. A chat's {@code updatedAt} is the later of its last rename and
 * its newest message; ties are broken by id in the same direction.
 */
public enum ChatOrder {
    /** Most recently active first; the default. */
    UPDATED_AT_DESC,
    UPDATED_AT_ASC,
    /** Most recently created first. */
    CREATED_AT_DESC,
    CREATED_AT_ASC
}
