package neptun.chat.adapters.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import neptun.chat.domain.ChatMessage;

/** Several messages: {@code {"chatMessages": [...]}}, in the order of the request, or of their ids when read. */
public record MultipleMessagesResponse(@JsonProperty("chatMessages") List<ChatMessageResponse> chatMessages) {
    public MultipleMessagesResponse {
        chatMessages = List.copyOf(chatMessages);
    }

    public static MultipleMessagesResponse from(List<ChatMessage> messages) {
        return new MultipleMessagesResponse(messages.stream().map(ChatMessageResponse::from).toList());
    }
}
