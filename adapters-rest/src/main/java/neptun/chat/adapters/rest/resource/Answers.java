package neptun.chat.adapters.rest.resource;

import jakarta.ws.rs.core.Response;
import neptun.chat.adapters.rest.error.EntityTags;
import neptun.chat.application.port.in.Outcome;

/** The 200 answers of writes: the entity, and on a replay the header that says so. */
final class Answers {
    private Answers() {
    }

    /** An answer for the result of {@code outcome}, already turned into {@code entity}. */
    static Response.ResponseBuilder ok(Object entity, Outcome<?> outcome) {
        var answer = Response.ok(entity);
        if (outcome.replayed()) {
            answer.header(EntityTags.IDEMPOTENT_REPLAYED, "true");
        }
        return answer;
    }
}
