package neptun.chat.adapters.rest.openapi;

import java.util.Objects;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchLimits;

/**
 * What the API description takes from the running configuration: the cookie that carries the session, and the
 * limits it states as schema constraints.
 *
 * @param search the search's page sizes and longest query
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 */
public record DescriptionSettings(String cookieName, MessageLimits messages, PageLimits pages, SearchLimits search,
                                  long maxBodyBytes) {
    public DescriptionSettings {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(search, "search");
    }
}
