package neptun.chat.domain;

import java.util.Objects;

/** A valid message that is not stored yet. */
public record NewMessage(MessageContent content, Actor actor) {
    public NewMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(actor, "actor");
    }
}
