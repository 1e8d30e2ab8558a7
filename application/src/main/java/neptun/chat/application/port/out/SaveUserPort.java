package neptun.chat.application.port.out;

import neptun.chat.domain.UserId;

/** Stores users. */
public interface SaveUserPort {
    /**
     * Stores {@code user} unless it exists; safe to call concurrently for the same user (exactly one
     * call creates it). @return true when this call created it
     */
    boolean saveUserIfAbsent(UserId user);
}
