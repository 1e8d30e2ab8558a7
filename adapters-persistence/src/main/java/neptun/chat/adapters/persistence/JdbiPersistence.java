package neptun.chat.adapters.persistence;

import java.time.Duration;
import java.util.Objects;
import neptun.chat.application.port.out.StoreOutcomeUnknownException;
import neptun.chat.application.port.out.StoreUnavailableException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Stores users, sessions, chats and messages in PostgreSQL or H2 (PostgreSQL mode) through JDBI, and searches
 * messages: one adapter per aggregate (and one for search), all over one {@link Jdbi}. Every port call that writes is atomic: a single SQL statement, or
 * one transaction where it needs several (renaming or deleting a chat and reading it back, a conditional write,
 * a write that records its idempotency key). Instants are
 * stored to the microsecond (finer parts are cut off first, so what a call returns equals what a later read
 * returns). A database that cannot be reached or does not answer in time surfaces as the application's
 * {@link StoreUnavailableException} (or {@link StoreOutcomeUnknownException} when a write may have been
 * stored); other failures of the database as JDBI's unchecked exceptions. How long a call waits is bounded
 * by the {@link Jdbi}'s data source (its pool's wait, the driver's timeouts) and, for appends,
 * by {@link #DEFAULT_MAX_QUEUE_WAIT} or the wait given.
 */
public final class JdbiPersistence {
    /**
     * How many statements append messages at the same time, each on a connection of its own: for small
     * appends (under about 50 messages) and for large ones. Fewer writers make larger shared statements;
     * small appends gain most from that, while large ones fill a statement by themselves and gain from
     * running in parallel. The defaults gave the most messages per second on 2 cores (BENCHMARKS.md).
     */
    public record Writers(int small, int large) {
        public static final Writers DEFAULT = new Writers(1, 2);

        public Writers {
            if (small < 1 || large < 1) {
                throw new IllegalArgumentException("writers must be positive");
            }
        }
    }

    /** How long an append waits for a writer unless told otherwise. */
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(2);

    private final JdbiChats chats;
    private final JdbiMessages messages;
    private final JdbiUsers users;
    private final JdbiSessions sessions;
    private final JdbiIdempotencyKeys idempotencyKeys;
    private final JdbiMessageSearch search;

    /** Uses {@code jdbi}, and {@link Writers#DEFAULT} of its connections at most for appending messages. */
    public JdbiPersistence(Jdbi jdbi) {
        this(jdbi, Writers.DEFAULT);
    }

    /**
     * Uses {@code jdbi}, installing {@link SqlObjectPlugin} unless it already is (installing it twice is a
     * no-op), and {@code writers} of its connections at most for appending messages.
     */
    public JdbiPersistence(Jdbi jdbi, Writers writers) {
        this(jdbi, writers, DEFAULT_MAX_QUEUE_WAIT, GroupCommitListener.NONE);
    }

    /**
     * As {@link #JdbiPersistence(Jdbi, Writers)}; an append that no writer takes within {@code maxQueueWait}
     * fails with a {@link StoreUnavailableException}, and {@code listener} hears of every group of appends.
     */
    public JdbiPersistence(Jdbi jdbi, Writers writers, Duration maxQueueWait, GroupCommitListener listener) {
        this(jdbi, writers, maxQueueWait, listener, JdbiMessageSearch.DEFAULT_TEXT_SEARCH_CONFIG);
    }

    /**
     * As {@link #JdbiPersistence(Jdbi, Writers, Duration, GroupCommitListener)}, searching PostgreSQL with the
     * text search configuration {@code textSearchConfig} (see {@link JdbiMessageSearch}).
     */
    public JdbiPersistence(Jdbi jdbi, Writers writers, Duration maxQueueWait, GroupCommitListener listener, String textSearchConfig) {
        Objects.requireNonNull(jdbi, "jdbi").installPlugin(new SqlObjectPlugin());
        this.search = new JdbiMessageSearch(jdbi, textSearchConfig); // first: it refuses a configuration that is not a name
        this.idempotencyKeys = new JdbiIdempotencyKeys(jdbi);
        this.chats = new JdbiChats(jdbi, idempotencyKeys);
        this.messages = new JdbiMessages(jdbi, new GroupCommit(jdbi, writers, maxQueueWait, listener), idempotencyKeys);
        this.users = new JdbiUsers(jdbi);
        this.sessions = new JdbiSessions(jdbi);
    }

    public JdbiChats chats() {
        return chats;
    }

    public JdbiMessages messages() {
        return messages;
    }

    public JdbiUsers users() {
        return users;
    }

    public JdbiSessions sessions() {
        return sessions;
    }

    /** Searches of messages by their content. */
    public JdbiMessageSearch search() {
        return search;
    }

    /** The idempotency keys that writes of {@link #chats()} and {@link #messages()} record, for deleting expired ones. */
    public JdbiIdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }
}
