package neptun.chat.application.port.out;

import java.util.Locale;
import java.util.Objects;

/**
 * The store could not be reached, or did not answer in time: nothing was stored by the call that failed.
 * The same call may succeed later. Thrown by any out-port; the subclass {@link StoreOutcomeUnknownException}
 * is the one case where something may have been stored.
 */
public class StoreUnavailableException extends RuntimeException {
    /** Why the store was not available, for operators (metrics, logs). */
    public enum Reason {
        /** No connection to the store could be made, or it was lost before the call was sent. */
        UNREACHABLE,
        /** The store did not answer within its time limit. */
        TIMEOUT,
        /** Every connection (or every writer) stayed busy for longer than the call may wait. */
        BUSY,
        /** The connection was lost after a write was sent: see {@link StoreOutcomeUnknownException}. */
        OUTCOME_UNKNOWN;

        /** Lower case, words joined by {@code _}: {@code unreachable}, {@code outcome_unknown}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public StoreUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
