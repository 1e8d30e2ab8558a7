package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import neptun.chat.application.port.in.SearchHit;

/** A page of search hits, best first: {@code {"results": [{"chat_id", "chat_name", "snippet", "message"}, ...]}}. */
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SearchResultsResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The hits of this page, best first.")
        @JsonProperty("results") List<Result> results) {
    public SearchResultsResponse {
        results = List.copyOf(results);
    }

    /** One hit; {@code snippet} is HTML ({@link SnippetHtml}), {@code message} the whole message as the message routes answer it. */
    @Schema(name = "SearchResult", description = "A message that matches, with its chat.",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Result(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", minimum = "1", description = "The chat's id.")
            @JsonProperty("chat_id") long chatId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The chat's name.")
            @JsonProperty("chat_name") String chatName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "HTML: the matched words in <mark>, the rest of"
                    + " the text escaped (& < > \" '), so it can be put into a page as it is.")
            @JsonProperty("snippet") String snippet,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("message") ChatMessageResponse message) {
    }

    public static SearchResultsResponse from(List<SearchHit> hits) {
        return new SearchResultsResponse(hits.stream()
                .map(hit -> new Result(hit.message().chatId().value(), hit.chatName(), SnippetHtml.of(hit.snippet()),
                        ChatMessageResponse.from(hit.message())))
                .toList());
    }
}
