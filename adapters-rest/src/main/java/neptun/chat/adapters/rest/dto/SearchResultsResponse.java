package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import neptun.chat.application.port.in.SearchHit;

/** A page of search hits, best first: {@code {"results": [{"chat_id", "chat_name", "snippet", "message"}, ...]}}. */
public record SearchResultsResponse(@JsonProperty("results") List<Result> results) {
    public SearchResultsResponse {
        results = List.copyOf(results);
    }

    /** One hit; {@code snippet} is HTML ({@link SnippetHtml}), {@code message} the whole message as the message routes answer it. */
    public record Result(
            @JsonProperty("chat_id") long chatId,
            @JsonProperty("chat_name") String chatName,
            @JsonProperty("snippet") String snippet,
            @JsonProperty("message") ChatMessageResponse message) {
    }

    public static SearchResultsResponse from(List<SearchHit> hits) {
        return new SearchResultsResponse(hits.stream()
                .map(hit -> new Result(hit.message().chatId().value(), hit.chatName(), SnippetHtml.of(hit.snippet()),
                        ChatMessageResponse.from(hit.message())))
                .toList());
    }
}
