package neptun.chat.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of search hits, best first, and the command for the next page when more may follow. */
public record SearchPage(List<SearchHit> hits, Optional<SearchMessagesCommand> next) {
    public SearchPage {
        hits = List.copyOf(hits);
        Objects.requireNonNull(next, "next");
    }
}
