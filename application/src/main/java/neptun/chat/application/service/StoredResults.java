package neptun.chat.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import neptun.chat.domain.Actor;
import neptun.chat.domain.Chat;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageContent;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.UserId;

/**
 * The text in which a write's result is kept with its idempotency key, so that a replay answers with values
 * equal to the first answer's: every field exactly (instants to the nanosecond, text as it was). A result
 * is a sequence of fields, each written as its length, a colon and its characters, after a tag naming the
 * form and its version.
 */
final class StoredResults {
    /** One kind of result and its text. */
    interface Form<R> {
        String write(R result);

        R read(String text);
    }

    static final Form<List<ChatMessage>> MESSAGES = new Form<>() {
        @Override
        public String write(List<ChatMessage> messages) {
            var out = new Writer("messages/1").number(messages.size());
            messages.forEach(message -> writeMessage(out, message));
            return out.text();
        }

        @Override
        public List<ChatMessage> read(String text) {
            var in = new Reader(text, "messages/1");
            int count = Math.toIntExact(in.number());
            List<ChatMessage> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                messages.add(readMessage(in));
            }
            return in.end(List.copyOf(messages));
        }
    };

    static final Form<ChatMessage> MESSAGE = new Form<>() {
        @Override
        public String write(ChatMessage message) {
            var out = new Writer("message/1");
            writeMessage(out, message);
            return out.text();
        }

        @Override
        public ChatMessage read(String text) {
            var in = new Reader(text, "message/1");
            return in.end(readMessage(in));
        }
    };

    static final Form<Chat> CHAT = new Form<>() {
        @Override
        public String write(Chat chat) {
            return new Writer("chat/1").number(chat.id().value()).field(chat.owner().value()).field(chat.name())
                    .field(chat.model().isPresent() ? "+" : "-").field(chat.model().orElse(""))
                    .field(chat.createdAt().toString()).field(chat.updatedAt().toString()).text();
        }

        @Override
        public Chat read(String text) {
            var in = new Reader(text, "chat/1");
            var id = new ChatId(in.number());
            var owner = new UserId(in.field());
            String name = in.field();
            boolean hasModel = in.field().equals("+");
            String model = in.field();
            var chat = new Chat(id, owner, name, hasModel ? Optional.of(model) : Optional.empty(),
                    Instant.parse(in.field()), Instant.parse(in.field()));
            return in.end(chat);
        }
    };

    private StoredResults() {
    }

    private static void writeMessage(Writer out, ChatMessage message) {
        out.number(message.id().value()).number(message.chatId().value()).field(message.userId().value())
                .field(message.content().value()).field(message.actor().wireName()).field(message.createdAt().toString());
    }

    private static ChatMessage readMessage(Reader in) {
        var id = new MessageId(in.number());
        var chat = new ChatId(in.number());
        var user = new UserId(in.field());
        var content = new MessageContent(in.field());
        String actor = in.field();
        return new ChatMessage(id, chat, user, content,
                Actor.fromName(actor).orElseThrow(() -> new IllegalStateException("unknown actor in a stored result: " + actor)),
                Instant.parse(in.field()));
    }

    private static final class Writer {
        private final StringBuilder text = new StringBuilder();

        Writer(String tag) {
            field(tag);
        }

        Writer field(String value) {
            text.append(value.length()).append(':').append(value);
            return this;
        }

        Writer number(long value) {
            return field(Long.toString(value));
        }

        String text() {
            return text.toString();
        }
    }

    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text, String tag) {
            this.text = text;
            String found = field();
            if (!found.equals(tag)) {
                throw new IllegalStateException("a stored result of another form: " + found + " (expected " + tag + ")");
            }
        }

        String field() {
            int colon = text.indexOf(':', position);
            if (colon < 0) {
                throw new IllegalStateException("a stored result ends early");
            }
            int length = Integer.parseInt(text, position, colon, 10);
            int start = colon + 1;
            if (length < 0 || start + length > text.length()) {
                throw new IllegalStateException("a stored result ends early");
            }
            position = start + length;
            return text.substring(start, position);
        }

        long number() {
            return Long.parseLong(field());
        }

        <T> T end(T value) {
            if (position != text.length()) {
                throw new IllegalStateException("a stored result goes on after its last field");
            }
            return value;
        }
    }
}
