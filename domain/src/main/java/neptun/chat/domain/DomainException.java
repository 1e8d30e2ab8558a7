package neptun.chat.domain;

/** A rule of the domain was broken. Carries data, never a transport status. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
