package neptun.chat.application.port.in;

/** The fields of the commands, as a violation names the field it refuses. */
public enum InputField {
    /** The list of messages of a {@link CreateMessagesCommand}. */
    MESSAGES,
    /** The content of one message. */
    CONTENT,
    /** The role of one message. */
    ROLE,
    /** A chat's name. */
    NAME,
    /** A chat's model. */
    MODEL,
    /** The cursor of a {@link ReadMessagesCommand}. */
    AFTER,
    /** How many items a read may return. */
    LIMIT,
    /** The query of a {@link SearchMessagesCommand}. */
    QUERY,
    /** The actor a {@link SearchMessagesCommand} keeps to. */
    ACTOR
}
