package neptun.chat.application.port.in;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a refused value is in a command: a field of the command itself ({@code [limit]}, {@code [messages]}),
 * or a field of one of its messages ({@code [2, role]}: the role of the third message).
 */
public record InputPath(OptionalInt message, InputField field) {
    public InputPath {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
        if (message.isPresent() && message.getAsInt() < 0) {
            throw new IllegalArgumentException("a message index is not negative");
        }
    }

    /** A field of the command itself. */
    public static InputPath of(InputField field) {
        return new InputPath(OptionalInt.empty(), field);
    }

    /** Field {@code field} of the message at index {@code message} (from 0) of the command's list. */
    public static InputPath of(int message, InputField field) {
        return new InputPath(OptionalInt.of(message), field);
    }

    @Override
    public String toString() {
        String name = field.name().toLowerCase(Locale.ROOT);
        return message.isPresent() ? "[" + message.getAsInt() + ", " + name + "]" : "[" + name + "]";
    }
}
