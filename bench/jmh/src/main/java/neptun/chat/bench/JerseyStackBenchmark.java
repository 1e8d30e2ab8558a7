package neptun.chat.bench;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dropwizard.jersey.validation.HibernateValidationBinder;
import io.dropwizard.jersey.validation.Validators;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import neptun.chat.adapters.rest.RestAdapter;
import neptun.chat.adapters.rest.RestSettings;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.AuthenticatedSession;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.out.SaveMessagesPort;
import neptun.chat.application.service.CreateMessagesService;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.ChatMessage;
import neptun.chat.domain.MessageId;
import neptun.chat.domain.NewMessage;
import neptun.chat.domain.UserId;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
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
 * One small message ({@code {"message", "actor"}}, as the web UI sends it), and a batch of 100, through the
 * whole Jersey stack as the server builds it, without a socket and without the database: Dropwizard's resource
 * configuration, its JSON and validation providers, and everything {@link RestAdapter} registers (cookie
 * authentication with its session cache, the body filters, the exception mappers, the resources), over
 * {@link CreateMessagesService} and an in-memory store. Jersey's {@link ApplicationHandler} takes the request
 * as its servlet container would and writes the answer to memory. What Jetty does around it (HTTP parsing,
 * its handlers and threads) is not measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class JerseyStackBenchmark {
    private static final String TOKEN = "bench-session-token";
    private static final URI BASE = URI.create("http://localhost:8080/");
    private static final URI PATH = URI.create("http://localhost:8080/api/users/bench/chats/1/messages");
    private static final byte[] BODY = ("{\"message\": \"Can you explain the difference between a process and a thread in simple"
            + " terms? I keep reading that threads share memory.\", \"actor\": \"user\"}").getBytes(StandardCharsets.UTF_8);
    /** A batch of 100 messages of 130 to 170 characters, as an API client would import a conversation. */
    private static final byte[] BATCH_BODY = batchBody(100);

    /**
     * Jersey settings to try on top of the server's, as {@code name=value} pairs separated by {@code ;}, e.g.
     * {@code -p extraJerseyProperties=jersey.config.server.contentLength.buffer=0}; none by default.
     */
    @Param({""})
    public String extraJerseyProperties;

    private ApplicationHandler jersey;
    private final MemoryResponseWriter writer = new MemoryResponseWriter();

    @Setup
    public void setUp() {
        var config = serverResourceConfig(useCases());
        for (String setting : extraJerseyProperties.split(";")) {
            if (!setting.isBlank()) {
                config.property(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        jersey = new ApplicationHandler(config);
        postOneMessage();
        expectAnswer("{\"chatMessage\":{\"id\":1,");
        postHundredMessages();
        expectAnswer("{\"chatMessages\":[{\"id\":1,");
    }

    @Benchmark
    public int postOneMessage() {
        return post(BODY);
    }

    @Benchmark
    public int postHundredMessages() {
        return post(BATCH_BODY);
    }

    private int post(byte[] body) {
        writer.reset();
        var request = new ContainerRequest(BASE, PATH, "POST", ANONYMOUS, new MapPropertiesDelegate(), null);
        request.header("Content-Type", "application/json");
        request.header("Content-Length", Integer.toString(body.length));
        request.header("Cookie", RestSettings.DEFAULTS.cookieName() + "=" + TOKEN);
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setWriter(writer);
        jersey.handle(request);
        return writer.status + writer.body.size();
    }

    private void expectAnswer(String start) {
        String answer = writer.body.toString(StandardCharsets.UTF_8);
        if (writer.status != 200 || !answer.startsWith(start)) {
            throw new IllegalStateException("unexpected answer: " + writer.status + " " + answer);
        }
    }

    private static byte[] batchBody(int size) {
        StringBuilder body = new StringBuilder("{\"messages\": [");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"content\": \"Message ").append(i)
                    .append(" of the conversation: how do threads share memory, and what does that mean for a list that two")
                    .append(" threads append to at once?").append(" More detail.".repeat(i % 4))
                    .append("\", \"role\": \"").append(i % 2 == 0 ? "user" : "assistant").append("\"}");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What Dropwizard's server puts into Jersey (its {@code Environment} and {@code AbstractServerFactory}, with
     * {@code registerDefaultExceptionMappers: false}), plus what the application registers.
     */
    private static DropwizardResourceConfig serverResourceConfig(UseCases useCases) {
        var metrics = new MetricRegistry();
        var config = new DropwizardResourceConfig(metrics);
        RestAdapter.jerseyProperties().forEach(config::property);
        RestAdapter.register(config::register, metrics, RestSettings.DEFAULTS, useCases);
        config.register(new JacksonFeature(Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)));
        config.register(new HibernateValidationBinder(Validators.newValidator()));
        return config;
    }

    /** The real create-messages use case over a store that keeps nothing; every other use case is not called. */
    private static UseCases useCases() {
        var session = Optional.of(new AuthenticatedSession(new UserId("bench"), Instant.now().plus(1, ChronoUnit.DAYS)));
        var createMessages = new CreateMessagesService(new InMemoryMessages(), Clock.systemUTC(), MessageLimits.DEFAULT);
        return new UseCases(createMessages, command -> unexpected(), command -> unexpected(), command -> unexpected(),
                command -> unexpected(), command -> unexpected(), command -> unexpected(), user -> unexpected(),
                (user, ttl) -> unexpected(), token -> unexpected(), token -> TOKEN.equals(token) ? session : Optional.empty(),
                command -> unexpected(), command -> unexpected());
    }

    private static <T> T unexpected() {
        throw new UnsupportedOperationException("not part of the benchmark");
    }

    private static final SecurityContext ANONYMOUS = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };

    /** Keeps the status and the body of the last answer; the body's buffer is reused, as a server's would be. */
    private static final class MemoryResponseWriter implements ContainerResponseWriter {
        final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        int status;

        void reset() {
            body.reset();
            status = 0;
        }

        @Override
        public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) throws ContainerException {
            status = response.getStatus();
            return body;
        }

        @Override
        public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
            return false;
        }

        @Override
        public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
        }

        @Override
        public void commit() {
        }

        @Override
        public void failure(Throwable error) {
            throw new IllegalStateException(error);
        }

        @Override
        public boolean enableResponseBuffering() {
            return true;
        }
    }

    /** Gives id 1 to every message, as a store would to a fresh chat, and keeps nothing. */
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
