package neptun.chat.bootstrap.wiring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import neptun.chat.adapters.persistence.JdbiMessageSearch;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.adapters.rest.RestSettings;
import neptun.chat.adapters.rest.openapi.DescriptionSettings;
import neptun.chat.adapters.rest.ops.OperationsSettings;
import neptun.chat.adapters.rest.ops.RateLimit;
import neptun.chat.adapters.rest.ops.RequestLimits;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.MessageLimits;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchLimits;

/** The service's settings; defaults live in {@code neptun-default.yml}. */
public class ChatConfiguration extends Configuration {
    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private SessionsSettings sessions = new SessionsSettings();

    @Valid
    @NotNull
    private MessagesSettings messages = new MessagesSettings();

    @Valid
    @NotNull
    private PagesSettings pages = new PagesSettings();

    @Valid
    @NotNull
    private DatabaseTimeoutsSettings databaseTimeouts = new DatabaseTimeoutsSettings();

    @Valid
    @NotNull
    private IdempotencySettings idempotency = new IdempotencySettings();

    @Valid
    @NotNull
    private ApiDocsSettings apiDocs = new ApiDocsSettings();

    @Valid
    @NotNull
    private SearchSettings search = new SearchSettings();

    @JsonProperty("database")
    public DataSourceFactory getDataSourceFactory() {
        return database;
    }

    @JsonProperty("database")
    public void setDataSourceFactory(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public SessionsSettings getSessions() {
        return sessions;
    }

    @JsonProperty
    public void setSessions(SessionsSettings sessions) {
        this.sessions = sessions;
    }

    @JsonProperty
    public MessagesSettings getMessages() {
        return messages;
    }

    @JsonProperty
    public void setMessages(MessagesSettings messages) {
        this.messages = messages;
    }

    @JsonProperty
    public PagesSettings getPages() {
        return pages;
    }

    @JsonProperty
    public void setPages(PagesSettings pages) {
        this.pages = pages;
    }

    @JsonProperty
    public DatabaseTimeoutsSettings getDatabaseTimeouts() {
        return databaseTimeouts;
    }

    @JsonProperty
    public void setDatabaseTimeouts(DatabaseTimeoutsSettings databaseTimeouts) {
        this.databaseTimeouts = databaseTimeouts;
    }

    @JsonProperty
    public IdempotencySettings getIdempotency() {
        return idempotency;
    }

    @JsonProperty
    public void setIdempotency(IdempotencySettings idempotency) {
        this.idempotency = idempotency;
    }

    @JsonProperty
    public ApiDocsSettings getApiDocs() {
        return apiDocs;
    }

    @JsonProperty
    public void setApiDocs(ApiDocsSettings apiDocs) {
        this.apiDocs = apiDocs;
    }

    @JsonProperty
    public SearchSettings getSearch() {
        return search;
    }

    @JsonProperty
    public void setSearch(SearchSettings search) {
        this.search = search;
    }

    @JsonIgnore
    @ValidationMethod(message = "messages.smallBatchWriters + messages.largeBatchWriters must not be greater than database.maxSize")
    public boolean isWritersWithinPool() {
        return messages.smallBatchWriters + messages.largeBatchWriters <= database.getMaxSize();
    }

    /**
     * The database settings, with the JDBC driver derived from the URL when none is given and, for PostgreSQL,
     * the driver's time limits from {@code databaseTimeouts} unless {@code database.properties} sets them
     * (parameters in the URL win over both: pgJDBC reads them last).
     */
    public DataSourceFactory database() {
        String driver = database.getDriverClass();
        if (driver == null || driver.isBlank()) {
            database.setDriverClass(driverFor(database.getUrl()));
        }
        if (isPostgres()) {
            Map<String, String> properties = new LinkedHashMap<>(databaseTimeouts.postgresPoolProperties());
            properties.putAll(database.getProperties());
            database.setProperties(properties);
        }
        return database;
    }

    /** True for a {@code jdbc:postgresql:} URL. */
    @JsonIgnore
    public boolean isPostgres() {
        return database.getUrl() != null && database.getUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * What migrations connect with: user, password and {@code database.properties}, with only the time limits
     * of opening a connection, since a migration (building an index) may run longer than a request may wait.
     */
    public Properties migrationProperties() {
        var properties = new Properties();
        properties.putAll(database().getProperties());
        databaseTimeouts.postgresPoolProperties().forEach((key, value) -> {
            if (!databaseTimeouts.postgresConnectProperties().containsKey(key)) {
                properties.remove(key, value); // unless set by the operator
            }
        });
        if (database.getUser() != null) {
            properties.setProperty("user", database.getUser());
        }
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        return properties;
    }

    static String driverFor(String url) {
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        if (url != null && url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        throw new IllegalStateException(
                "database.url must start with jdbc:postgresql: or jdbc:h2: (or set database.driverClass / DATABASE_DRIVER)");
    }

    public JdbiPersistence.Writers messageWriters() {
        return new JdbiPersistence.Writers(messages.smallBatchWriters, messages.largeBatchWriters);
    }

    public MessageLimits messageLimits() {
        return new MessageLimits(messages.maxPerRequest, messages.maxLength);
    }

    public PageLimits pageLimits() {
        return new PageLimits(pages.defaultLimit, pages.maxLimit);
    }

    public SearchLimits searchLimits() {
        return new SearchLimits(search.defaultLimit, search.maxLimit, search.maxQueryLength);
    }

    public KeyRetention keyRetention() {
        return new KeyRetention(java.time.Duration.ofMillis(idempotency.ttl.toMilliseconds()));
    }

    public RestSettings restSettings() {
        return new RestSettings(sessions.cookieName, java.time.Duration.ofMillis(sessions.cacheTtl.toMilliseconds()),
                sessions.cacheMaxEntries, messages.maxBodySize.toBytes(),
                java.time.Duration.ofMillis(messages.maxBodyReadTime.toMilliseconds()));
    }

    /** What the API description states: the session cookie and the limits of this configuration. */
    public DescriptionSettings descriptionSettings() {
        return new DescriptionSettings(sessions.cookieName, messageLimits(), pageLimits(), searchLimits(),
                messages.maxBodySize.toBytes());
    }

    /** The API's description ({@code /openapi.json}, {@code /openapi.yaml}) and its page ({@code /docs}). */
    public static class ApiDocsSettings {
        /** False serves none of them (404). */
        @JsonProperty
        public boolean enabled = true;
    }

    /** How sessions are recognised, cached and issued. */
    public static class SessionsSettings {
        @NotEmpty
        @JsonProperty
        public String cookieName = RestSettings.DEFAULT_COOKIE_NAME;

        /** How long a checked session is remembered; a revocation takes at most this long to apply. */
        @NotNull
        @JsonProperty
        public Duration cacheTtl = Duration.seconds(5);

        @Min(1)
        @JsonProperty
        public long cacheMaxEntries = 10_000;

        /** Lifetime of sessions made by {@code issue-session} without {@code --ttl}. */
        @NotNull
        @JsonProperty
        public Duration defaultTtl = Duration.days(7);

        @Valid
        @NotNull
        @JsonProperty
        public NeptunSessions neptun = new NeptunSessions();
    }

    /** The neptun web UI's sealed cookies; off while no password is set. */
    public static class NeptunSessions {
        /** The web UI's NUXT_SESSION_PASSWORD. iron refuses shorter passwords, so no real seal could match one. */
        @Pattern(regexp = "(?s)|.{32,}", message = "must have at least 32 characters (or be empty to accept no sealed cookies)")
        @JsonProperty
        public String password;

        /** Oldest session age accepted; none by default, as the web UI sets none. */
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        @JsonProperty
        public Duration maxAge;

        public Optional<String> password() {
            return Optional.ofNullable(password).filter(p -> !p.isEmpty());
        }

        public Optional<java.time.Duration> maxAge() {
            return Optional.ofNullable(maxAge).map(d -> java.time.Duration.ofMillis(d.toMilliseconds()));
        }
    }

    /** Limits of one request. */
    public static class MessagesSettings {
        @Min(1)
        @Max(100_000)
        @JsonProperty
        public int maxPerRequest = MessageLimits.DEFAULT.maxMessagesPerRequest();

        /** Characters (UTF-16 code units, as JavaScript counts) per message. */
        @Min(1)
        @JsonProperty
        public int maxLength = MessageLimits.DEFAULT.maxMessageLength();

        @NotNull
        @JsonProperty
        public DataSize maxBodySize = DataSize.mebibytes(8);

        /** How long reading one body may take from its first byte read; a slower body is answered 408. */
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        public Duration maxBodyReadTime = Duration.milliseconds(RestSettings.DEFAULT_MAX_BODY_READ_TIME.toMillis());

        /**
         * Statements appending small batches (under about 50 messages) at the same time, each on a database
         * connection of its own. Concurrent requests queue for them and share them.
         */
        @Min(1)
        @Max(1_000)
        @JsonProperty
        public int smallBatchWriters = JdbiPersistence.Writers.DEFAULT.small();

        /** The same for larger batches. */
        @Min(1)
        @Max(1_000)
        @JsonProperty
        public int largeBatchWriters = JdbiPersistence.Writers.DEFAULT.large();
    }

    /** Idempotency keys of writes: how long they are kept, and how expired ones are deleted in the background. */
    public static class IdempotencySettings {
        /** A repeat within this time answers as the first request did; after it, the key is new again. */
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        @JsonProperty
        public Duration ttl = Duration.hours(24);

        /** How often the background task looks for expired keys. */
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        public Duration purgeInterval = Duration.minutes(1);

        /** The most keys one delete statement of the background task removes. */
        @Min(1)
        @Max(100_000)
        @JsonProperty
        public int purgeBatchSize = 1_000;
    }

    /** How many chats or messages one read returns: {@code defaultLimit} unless the request asks, at most {@code maxLimit}. */
    public static class PagesSettings {
        @Min(1)
        @Max(100_000)
        @JsonProperty
        public int defaultLimit = PageLimits.DEFAULT.defaultLimit();

        @Min(1)
        @Max(100_000)
        @JsonProperty
        public int maxLimit = PageLimits.DEFAULT.maxLimit();

        @JsonIgnore
        @ValidationMethod(message = "defaultLimit must not be greater than maxLimit")
        public boolean isDefaultWithinMax() {
            return defaultLimit <= maxLimit;
        }
    }

    /**
     * Searches of messages: hits per page ({@code defaultLimit}, at most {@code maxLimit}), the longest query, and
     * PostgreSQL's text search configuration, which a full-text index on messages serves if the operator builds
     * one (README), or searches read every message of the user.
     */
    public static class SearchSettings {
        @Min(1)
        @Max(1_000)
        @JsonProperty
        public int defaultLimit = SearchLimits.DEFAULT.defaultLimit();

        @Min(1)
        @Max(1_000)
        @JsonProperty
        public int maxLimit = SearchLimits.DEFAULT.maxLimit();

        @Min(1)
        @Max(100_000)
        @JsonProperty
        public int maxQueryLength = SearchLimits.DEFAULT.maxQueryLength();

        @NotEmpty
        @Pattern(regexp = "[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?", message = "must be a text search configuration's name, such as simple or english")
        @JsonProperty
        public String textSearchConfig = JdbiMessageSearch.DEFAULT_TEXT_SEARCH_CONFIG;

        @JsonIgnore
        @ValidationMethod(message = "search.defaultLimit must not be greater than search.maxLimit")
        public boolean isDefaultWithinMax() {
            return defaultLimit <= maxLimit;
        }
    }

    // ---- Operations: the cap on requests in flight and the per-user rate limit.

    @Valid
    @NotNull
    private RequestsSettings requests = new RequestsSettings();

    @Valid
    @NotNull
    private RateLimitSettings rateLimit = new RateLimitSettings();

    @JsonProperty
    public RequestsSettings getRequests() {
        return requests;
    }

    @JsonProperty
    public void setRequests(RequestsSettings requests) {
        this.requests = requests;
    }

    @JsonProperty
    public RateLimitSettings getRateLimit() {
        return rateLimit;
    }

    @JsonProperty
    public void setRateLimit(RateLimitSettings rateLimit) {
        this.rateLimit = rateLimit;
    }

    public OperationsSettings operationsSettings() {
        return new OperationsSettings(
                new RequestLimits(requests.maxInFlight, requests.maxQueued, java.time.Duration.ofMillis(requests.maxQueueWait.toMilliseconds())),
                new RateLimit(rateLimit.perSecond, rateLimit.burst, rateLimit.maxUsers));
    }

    /** API requests processed at once, and how many wait for a turn and how long, before a 503. */
    public static class RequestsSettings {
        @Min(1)
        @JsonProperty
        public int maxInFlight = RequestLimits.DEFAULTS.maxInFlight();

        @Min(0)
        @JsonProperty
        public int maxQueued = RequestLimits.DEFAULTS.maxQueued();

        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonProperty
        public Duration maxQueueWait = Duration.milliseconds(RequestLimits.DEFAULTS.maxQueueWait().toMillis());
    }

    /** Requests per user: a token bucket of {@code burst} refilled at {@code perSecond}; 0 turns it off. */
    public static class RateLimitSettings {
        @Min(0)
        @JsonProperty
        public long perSecond = RateLimit.DEFAULTS.perSecond();

        @Min(1)
        @JsonProperty
        public long burst = RateLimit.DEFAULTS.burst();

        @Min(1)
        @JsonProperty
        public long maxUsers = RateLimit.DEFAULTS.maxUsers();
    }
}
