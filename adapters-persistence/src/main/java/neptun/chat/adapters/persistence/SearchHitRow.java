package neptun.chat.adapters.persistence;

import java.time.Instant;

/**
 * A message found by a search, with its chat's name, its relevance, and (on PostgreSQL) the highlighted excerpt
 * {@code ts_headline} made, matches between {@link MessageSearchDao#MATCH_START} and {@link MessageSearchDao#MATCH_END}.
 */
public record SearchHitRow(long id, long chatId, String userId, String content, String actor, Instant createdAt, String chatName,
                           float relevance, String headline) {
    MessageRow message() {
        return new MessageRow(id, chatId, userId, content, actor, createdAt);
    }
}
