package neptun.chat.adapters.rest.error;

import java.util.List;
import neptun.chat.application.port.in.InputField;
import neptun.chat.application.port.in.InputPath;

/**
 * The names requests give the fields of the commands (JSON keys and query parameters), and so the paths of
 * the issues that report them. The body readers and resources use these names, and refusals of the
 * application are placed by them, so the two cannot drift apart.
 */
public enum WireNames {
    /** Every request but a single-message body: a field by its own name, a message's field under {@code messages}. */
    STANDARD,
    /** The single-message body {@code {"message": ..., "actor": ...}}: its one message's content and role at the root. */
    SINGLE_MESSAGE;

    public static final String MESSAGES = "messages";
    public static final String CONTENT = "content";
    public static final String ROLE = "role";
    public static final String MESSAGE = "message";
    public static final String ACTOR = "actor";
    public static final String NAME = "name";
    public static final String MODEL = "model";
    public static final String AFTER = "after";
    public static final String LIMIT = "limit";
    public static final String QUERY = "q";
    public static final String CHAT_ID = "chat_id";
    public static final String SINCE = "since";
    public static final String UNTIL = "until";
    public static final String FORMAT = "format";

    /** The name of {@code field} in requests of this kind. */
    public String of(InputField field) {
        if (this == SINGLE_MESSAGE && field == InputField.CONTENT) {
            return MESSAGE;
        }
        if (this == SINGLE_MESSAGE && field == InputField.ROLE) {
            return ACTOR;
        }
        return switch (field) {
            case MESSAGES -> MESSAGES;
            case CONTENT -> CONTENT;
            case ROLE -> ROLE;
            case NAME -> NAME;
            case MODEL -> MODEL;
            case AFTER -> AFTER;
            case LIMIT -> LIMIT;
            case QUERY -> QUERY;
            case ACTOR -> ACTOR;
        };
    }

    /** Where the value at {@code path} of a command is in a request of this kind: {@code [2, ROLE]} is {@code ["messages", 2, "role"]}. */
    public List<Object> pathOf(InputPath path) {
        String name = of(path.field());
        if (path.message().isEmpty() || this == SINGLE_MESSAGE) {
            return List.of(name);
        }
        return List.of(MESSAGES, path.message().getAsInt(), name);
    }
}
