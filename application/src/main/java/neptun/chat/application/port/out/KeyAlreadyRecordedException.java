package neptun.chat.application.port.out;

/**
 * A write could not record its idempotency key because the user's key is recorded already (by a write that
 * committed meanwhile, or one the store could not wait for). The write's effect was rolled back with it.
 */
public class KeyAlreadyRecordedException extends RuntimeException {
    public KeyAlreadyRecordedException(Throwable cause) {
        super("the idempotency key is recorded already", cause);
    }
}
