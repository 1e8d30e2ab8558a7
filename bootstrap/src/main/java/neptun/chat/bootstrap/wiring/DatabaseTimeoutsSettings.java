package neptun.chat.bootstrap.wiring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long the service waits for the database at each step, so that a database that is gone, even without a
 * word, gives a fast 503 instead of a hang (README, "Operating it"). The pool's own waits are Dropwizard's
 * {@code database.maxWaitForConnection}, {@code validationQueryTimeout} and {@code validationInterval}.
 */
public class DatabaseTimeoutsSettings {
    /** Opening a connection, log-in included (pgJDBC {@code connectTimeout} and {@code loginTimeout}, whole seconds). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    public Duration connect = Duration.seconds(2);

    /** The longest a statement may run; PostgreSQL cancels it then ({@code statement_timeout}), and nothing is stored. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    public Duration statement = Duration.seconds(3);

    /**
     * A connection on which nothing arrives for this long is given up (pgJDBC {@code socketTimeout}, whole
     * seconds): the database is gone without a word. Longer than {@code statement}, so that a slow statement
     * is cancelled by the database first.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    public Duration socket = Duration.seconds(4);

    /** An append that no group-commit writer takes within this gives up (nothing of it is stored). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    public Duration queue = Duration.seconds(2);

    @JsonIgnore
    @ValidationMethod(message = "databaseTimeouts.socket must be longer than databaseTimeouts.statement")
    public boolean isSocketLongerThanStatement() {
        return socket.toNanoseconds() > statement.toNanoseconds();
    }

    /** The pgJDBC connection properties for the pool's connections. */
    @JsonIgnore
    public Map<String, String> postgresPoolProperties() {
        Map<String, String> properties = new LinkedHashMap<>(postgresConnectProperties());
        properties.put("socketTimeout", Long.toString(wholeSeconds(socket)));
        properties.put("options", "-c statement_timeout=" + statement.toMilliseconds());
        return properties;
    }

    /** The pgJDBC properties that bound opening a connection only (for migrations, which may run long). */
    @JsonIgnore
    public Map<String, String> postgresConnectProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("connectTimeout", Long.toString(wholeSeconds(connect)));
        properties.put("loginTimeout", Long.toString(wholeSeconds(connect)));
        return properties;
    }

    public java.time.Duration queueWait() {
        return java.time.Duration.ofNanos(queue.toNanoseconds());
    }

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMilliseconds() + 999) / 1000);
    }
}
