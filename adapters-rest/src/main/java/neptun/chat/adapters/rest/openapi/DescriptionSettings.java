package neptun.chat.adapters.rest.openapi;

import java.util.Objects;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;

/**
 * What the API description takes from the running configuration: the cookie that carries the session, and the
 * limits it states as schema constraints.
 *
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 */
public record DescriptionSettings(String cookieName, MessageLimits messages, PageLimits pages, long maxBodyBytes) {
    public DescriptionSettings {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(pages, "pages");
    }
}
