package neptun.chat.application.port.in;

import neptun.chat.domain.DomainException;

/**
 * Another call with the same idempotency key holds it and has not finished (or could not be waited for);
 * nothing was done. Trying again shortly answers with that call's result once it has one.
 */
public class IdempotencyKeyInUseException extends DomainException {
    public IdempotencyKeyInUseException() {
        super("A request with the same idempotency key is still in progress");
    }
}
