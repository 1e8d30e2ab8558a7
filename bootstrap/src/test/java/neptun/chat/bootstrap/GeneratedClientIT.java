package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.client.ApiClient;
import neptun.chat.client.ApiException;
import neptun.chat.client.api.ChatsApi;
import neptun.chat.client.api.MessagesApi;
import neptun.chat.client.model.BatchMessage;
import neptun.chat.client.model.ChatMessageResponse;
import neptun.chat.client.model.CreateMessagesRequest;
import neptun.chat.client.model.MessageBatchBody;
import neptun.chat.client.model.MultipleMessagesResponse;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Java client generated at build time from the committed {@code openapi.json} (openapi-generator, see the
 * bootstrap POM) talks to the running service: it stores a batch and reads it back.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GeneratedClientIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Test
    void roundTripsABatch() throws ApiException {
        UseCases core = TestApp.core(TestApp.jdbi(DB));
        var ada = new UserId("ada");
        core.registerUser().register(ada);
        String token = core.issueSession().issue(ada, Duration.ofDays(1)).token().value();
        long chat = core.createChat().create(CreateChatCommand.of(ada, "Client")).id().value();

        var client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + APP.getLocalPort());
        client.setRequestInterceptor(request -> request.header("Cookie", "neptun-session=" + token));
        // The two answer forms of an append differ only in their field; a mapper that ignores unknown fields reads either as both.
        client.setObjectMapper(client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        var messages = new MessagesApi(client);

        var batch = new MessageBatchBody().messages(List.of(
                new BatchMessage().content("What is JDBI?").role(BatchMessage.RoleEnum.USER),
                new BatchMessage().content("A SQL library.").role(BatchMessage.RoleEnum.ASSISTANT)));
        MultipleMessagesResponse stored = messages.createMessages("ada", chat, new CreateMessagesRequest(batch), null, null)
                .getMultipleMessagesResponse();
        MultipleMessagesResponse read = messages.readMessages("ada", chat, null, null);

        assertThat(stored.getChatMessages()).extracting(ChatMessageResponse::getMessage).containsExactly("What is JDBI?", "A SQL library.");
        assertThat(read.getChatMessages()).isEqualTo(stored.getChatMessages());
        assertThat(new ChatsApi(client).listChats("ada", null, null).getChats()).extracting(c -> c.getName()).containsExactly("Client");
    }
}
