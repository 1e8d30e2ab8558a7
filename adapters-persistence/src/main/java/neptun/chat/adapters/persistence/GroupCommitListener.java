package neptun.chat.adapters.persistence;

/**
 * Hears of each group of appends the group commit writes, for example to keep metrics. It is called on the
 * writing thread, before the group's statement runs: it must be quick and must not throw.
 */
@FunctionalInterface
public interface GroupCommitListener {
    GroupCommitListener NONE = (appends, messages) -> { };

    /** A statement is about to write {@code appends} appends together, with {@code messages} messages in all. */
    void groupTaken(int appends, int messages);
}
