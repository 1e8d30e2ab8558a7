package neptun.chat.adapters.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.Session;
import neptun.chat.domain.UserId;

/** Turns rows into domain values and back; the only place that knows both. */
final class RowMapping {
    private RowMapping() {
    }

    static ChatMessage toChatMessage(MessageRow row) {
        return new ChatMessage(new MessageId(row.id()), new ChatId(row.chatId()), new UserId(row.userId()),
                new MessageContent(row.content()), toActor(row.actor()), row.createdAt());
    }

    static Chat toChat(ChatRow row) {
        return new Chat(new ChatId(row.id()), new UserId(row.userId()), row.name(), Optional.ofNullable(row.model()),
                row.createdAt(), row.updatedAt());
    }

    static Session toSession(SessionRow row) {
        return new Session(new UserId(row.userId()), row.createdAt(), row.expiresAt(), Optional.ofNullable(row.revokedAt()));
    }

    static SessionRow toSessionRow(byte[] tokenHash, Session session) {
        return new SessionRow(tokenHash, session.user().value(), toStoredPrecision(session.createdAt()),
                toStoredPrecision(session.expiresAt()), session.revokedAt().map(RowMapping::toStoredPrecision).orElse(null));
    }

    /** Both databases keep microseconds; PostgreSQL would round the rest, so it is cut off here instead. */
    static Instant toStoredPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Actor toActor(String name) {
        return Actor.fromName(name).orElseThrow(() -> new IllegalStateException("unknown actor in database: " + name));
    }
}
