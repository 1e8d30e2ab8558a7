package neptun.chat.application.port.in;

import neptun.chat.domain.DomainException;

/** The idempotency key was used before for another request (another fingerprint); nothing was done. */
public class IdempotencyKeyReusedException extends DomainException {
    public IdempotencyKeyReusedException() {
        super("The idempotency key was used for another request");
    }
}
