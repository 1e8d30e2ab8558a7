package neptun.chat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import neptun.chat.adapters.rest.auth.AuthenticatedUser;
import neptun.chat.adapters.rest.resource.ChatMessagesResource;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service's own work for one create-messages request, without HTTP and without the database: read and
 * shape-check the JSON body (the REST adapter's body reader, through the resource), build the command, run
 * {@link CreateMessagesService} (validation, ownership of the path) over an in-memory store, map the stored
 * messages to the response DTOs and serialize them with the application's kind of ObjectMapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RequestPathBenchmark {
    private static final String[] TEXTS = {
        "Can you explain the difference between a process and a thread in simple terms? I keep reading that threads share memory but I am not sure what that means in practice.",
        "Sure. A process is a running program with its own memory space, while threads are lighter units of execution inside one process, so they can read and write the same variables.",
        "Please summarise the meeting notes below in three bullet points and list any action items with an owner and a due date. Keep the tone neutral and skip the small talk.",
        "Hi Sam, thank you for letting us know, and we are sorry your order arrived late. We can send the missing item right away at no cost, or refund it today \u2014 just reply with the option you prefer.",
    };

    @Param({"1000"})
    public int batchSize;

    private byte[] body;
    private ChatMessagesResource resource;
    private ObjectMapper mapper;
    private AuthenticatedUser user;

    @Setup
    public void setUp() throws IOException {
        mapper = Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List<Object> messages = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            messages.add(java.util.Map.of("content", "[" + i + "] " + TEXTS[i % TEXTS.length],
                    "role", i % 2 == 0 ? "user" : "assistant"));
        }
        body = mapper.writeValueAsBytes(java.util.Map.of("messages", messages));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00.123456Z"), ZoneOffset.UTC);
        // Only the create path is measured; the reading use cases are never called here.
        resource = new ChatMessagesResource(new CreateMessagesService(new InMemoryMessages(), clock, MessageLimits.DEFAULT),
                command -> { throw new UnsupportedOperationException(); },
                command -> { throw new UnsupportedOperationException(); });
        user = new AuthenticatedUser(new UserId("bench"), Instant.now().plus(1, ChronoUnit.DAYS));
        byte[] answer = request();
        if (!new String(answer, StandardCharsets.UTF_8).startsWith("{\"chatMessages\":[{\"id\":1,")) {
            throw new IllegalStateException("unexpected answer: " + new String(answer, 0, 200, StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public byte[] parseValidateStoreMapSerialize() throws IOException {
        return request();
    }

    private byte[] request() throws IOException {
        // Neither Idempotency-Key nor If-Match: Jersey gives a header parameter that is absent as an empty list.
        Response response = resource.create(user, "bench", "1", List.of(), List.of(), new ByteArrayInputStream(body));
        return mapper.writeValueAsBytes(response.getEntity());
    }

    /** Gives ids from 1 on each call, as a store would to a fresh chat, and keeps nothing. */
    private static final class InMemoryMessages implements SaveMessagesPort {
        @Override
        public Optional<List<ChatMessage>> appendMessages(UserId owner, ChatId chat, List<NewMessage> messages, Instant createdAt) {
            List<ChatMessage> stored = new ArrayList<>(messages.size());
            long id = 1;
            for (NewMessage message : messages) {
                stored.add(new ChatMessage(new MessageId(id++), chat, owner, message.content(), message.actor(), createdAt));
            }
            return Optional.of(stored);
        }
    }
}
