package neptun.chat.adapters.rest.ops;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.util.List;
import neptun.chat.application.port.in.CreateMessages;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.Outcome;
import neptun.chat.domain.ChatMessage;

/** Counts the messages stored through HTTP in the meter {@value #METER}. */
public final class AppendedMessages {
    public static final String METER = "neptun.messages.appended";

    private AppendedMessages() {
    }

    /** {@code createMessages}, counting every message it stores. */
    public static CreateMessages counted(CreateMessages createMessages, MetricRegistry metrics) {
        Meter appended = metrics.meter(METER);
        return new CreateMessages() {
            @Override
            public List<ChatMessage> create(CreateMessagesCommand command) {
                List<ChatMessage> created = createMessages.create(command);
                appended.mark(created.size());
                return created;
            }

            /** A replay stored nothing, so it counts nothing. */
            @Override
            public Outcome<List<ChatMessage>> createOnce(CreateMessagesCommand command) {
                Outcome<List<ChatMessage>> outcome = createMessages.createOnce(command);
                if (!outcome.replayed()) {
                    appended.mark(outcome.result().size());
                }
                return outcome;
            }

            @Override
            public void check(CreateMessagesCommand command) {
                createMessages.check(command);
            }
        };
    }
}
