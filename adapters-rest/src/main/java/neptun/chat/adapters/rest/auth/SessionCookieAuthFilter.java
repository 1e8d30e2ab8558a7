package neptun.chat.adapters.rest.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.util.Objects;

/**
 * Authenticates a request by its session cookie. A request without the cookie, or whose session is
 * unknown, expired or revoked, gets a 401 in the error envelope.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SessionCookieAuthFilter extends AuthFilter<String, AuthenticatedUser> {
    private static final String SCHEME = "COOKIE";

    private final String cookieName;

    private SessionCookieAuthFilter(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(cookieName);
        String token = cookie == null ? null : cookie.getValue();
        if (token == null || token.isEmpty() || !authenticate(request, token, SCHEME)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    /**
     * Builds the filter; its unauthorized handler answers in the error envelope unless replaced. The cookie
     * name must be set (the settings hold its default).
     */
    public static final class Builder extends AuthFilterBuilder<String, AuthenticatedUser, SessionCookieAuthFilter> {
        private String cookieName;

        public Builder() {
            setUnauthorizedHandler(new EnvelopeUnauthorizedHandler());
        }

        public Builder setCookieName(String cookieName) {
            this.cookieName = Objects.requireNonNull(cookieName, "cookieName");
            return this;
        }

        @Override
        protected SessionCookieAuthFilter newInstance() {
            return new SessionCookieAuthFilter(Objects.requireNonNull(cookieName, "cookieName"));
        }
    }
}
