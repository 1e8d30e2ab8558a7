package neptun.chat.adapters.rest.auth;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import neptun.chat.domain.UserId;

/**
 * The user whose session cookie a request presented; inject it with {@code @Auth}.
 *
 * @param validUntil when the session stops proving anything, so a cached authentication ends then at the latest
 */
public record AuthenticatedUser(UserId id, Instant validUntil) implements Principal {
    public AuthenticatedUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    @Override
    public String getName() {
        return id.value();
    }
}
