package neptun.chat.application.port.out;

/**
 * The connection to the store was lost after a write was sent (for example while its commit was under way):
 * the write may or may not have been stored, all of it or none of it. Repeating it may store it twice unless
 * the write is idempotent.
 */
public class StoreOutcomeUnknownException extends StoreUnavailableException {
    public StoreOutcomeUnknownException(String message, Throwable cause) {
        super(Reason.OUTCOME_UNKNOWN, message, cause);
    }
}
