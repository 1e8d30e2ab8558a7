package neptun.chat.application.port.in;

import java.util.Objects;
import neptun.chat.domain.ChatMessage;

/**
 * A message that matched a search, with the name of its chat, a snippet of its content with the matched words
 * marked, and its relevance (higher is better; 0 where the database does not rank).
 */
public record SearchHit(ChatMessage message, String chatName, Snippet snippet, float relevance) {
    public SearchHit {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(chatName, "chatName");
        Objects.requireNonNull(snippet, "snippet");
    }

    /** Where the page that ends with this hit ends. */
    public SearchCursor cursor() {
        return new SearchCursor(relevance, message.id().value());
    }
}
