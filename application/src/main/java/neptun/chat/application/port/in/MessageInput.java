package neptun.chat.application.port.in;

import java.util.Objects;

/** One message as a caller wrote it, not yet checked: {@code role} is {@code user}, {@code assistant} or {@code system}. */
public record MessageInput(String content, String role) {
    public MessageInput {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(role, "role");
    }
}
