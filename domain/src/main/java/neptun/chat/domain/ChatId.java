package neptun.chat.domain;

import java.util.Optional;

/** Identifies a chat; a positive number assigned by the store. */
public record ChatId(long value) {
    public ChatId {
        if (value <= 0) {
            throw new IllegalArgumentException("chat id must be positive");
        }
    }

    /** The chat id written in decimal as {@code text}, or empty when it is not a positive long. */
    public static Optional<ChatId> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(new ChatId(value)) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
