package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An excerpt of a message's content as plain text in parts, each marked as a match or not; adapters render it
 * (the HTTP API as HTML with {@code <mark>}).
 */
public record Snippet(List<Part> parts) {
    public Snippet {
        parts = List.copyOf(parts);
    }

    /** A run of text, {@code matched} when it is a word the search found. */
    public record Part(String text, boolean matched) {
        public Part {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The excerpt's text without marks. */
    public String text() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    /** The matched parts' texts, in order. */
    public List<String> matches() {
        return parts.stream().filter(Part::matched).map(Part::text).toList();
    }
}
