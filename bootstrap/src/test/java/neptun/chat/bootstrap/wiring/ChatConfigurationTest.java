package neptun.chat.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import java.util.Map;
import neptun.chat.adapters.persistence.JdbiPersistence;
import neptun.chat.application.port.in.KeyRetention;
import neptun.chat.application.port.in.PageLimits;
import neptun.chat.application.port.in.SearchLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built-in defaults, as a command run without a configuration file sees them. */
class ChatConfigurationTest {
    private static final String PASSWORD_PROPERTY = "dw.sessions.neptun.password";
    private static final String PAGE_DEFAULT_PROPERTY = "dw.pages.defaultLimit";
    private static final String WRITERS_PROPERTY = "dw.messages.largeBatchWriters";
    private static final String TTL_PROPERTY = "dw.idempotency.ttl";
    private static final String SEARCH_CONFIG_PROPERTY = "dw.search.textSearchConfig";

    private static final String URL_PROPERTY = "dw.database.url";
    private static final String SOCKET_TIMEOUT_PROPERTY = "dw.database.properties.socketTimeout";
    private static final String STATEMENT_PROPERTY = "dw.databaseTimeouts.statement";

    @AfterEach
    void clearOverrides() {
        System.clearProperty(PASSWORD_PROPERTY);
        System.clearProperty(PAGE_DEFAULT_PROPERTY);
        System.clearProperty(WRITERS_PROPERTY);
        System.clearProperty(URL_PROPERTY);
        System.clearProperty(SOCKET_TIMEOUT_PROPERTY);
        System.clearProperty(STATEMENT_PROPERTY);
        System.clearProperty(TTL_PROPERTY);
        System.clearProperty(SEARCH_CONFIG_PROPERTY);
    }

    private static ChatConfiguration defaults() throws Exception {
        return new DefaultConfigurationFactoryFactory<ChatConfiguration>()
                .create(ChatConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build();
    }

    @Test
    void defaultsToTheEmbeddedDatabaseWithSensibleLimits() throws Exception {
        var configuration = defaults();
        assertThat(configuration.database().getUrl()).startsWith("jdbc:h2:./data/");
        assertThat(configuration.database().getDriverClass()).isEqualTo("org.h2.Driver");
        assertThat(configuration.messageLimits().maxMessagesPerRequest()).isEqualTo(1000);
        assertThat(configuration.restSettings().maxBodyBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(configuration.getSessions().neptun.password()).isEmpty();
        assertThat(configuration.getSessions().neptun.maxAge()).isEmpty();
        assertThat(configuration.pageLimits()).isEqualTo(new PageLimits(100, 1000));
        assertThat(configuration.messageWriters()).isEqualTo(new JdbiPersistence.Writers(1, 2));
    }

    @Test
    void servesTheApiDescriptionWithTheLimitsOfTheSettings() throws Exception {
        var configuration = defaults();
        assertThat(configuration.getApiDocs().enabled).isTrue();
        var description = configuration.descriptionSettings();
        assertThat(description.cookieName()).isEqualTo("neptun-session");
        assertThat(description.messages()).isEqualTo(configuration.messageLimits());
        assertThat(description.pages()).isEqualTo(configuration.pageLimits());
        assertThat(description.maxBodyBytes()).isEqualTo(configuration.restSettings().maxBodyBytes());
    }

    @Test
    void keepsIdempotencyKeysForADayAndDeletesExpiredOnesInBoundedBatches() throws Exception {
        var configuration = defaults();
        assertThat(configuration.keyRetention()).isEqualTo(new KeyRetention(java.time.Duration.ofHours(24)));
        assertThat(configuration.getIdempotency().purgeInterval.toMilliseconds()).isEqualTo(60_000);
        assertThat(configuration.getIdempotency().purgeBatchSize).isEqualTo(1_000);
    }

    @Test
    void refusesAKeyLifetimeUnderASecond() {
        System.setProperty(TTL_PROPERTY, "500ms");
        assertThatThrownBy(ChatConfigurationTest::defaults).isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("idempotency.ttl");
    }

    @Test
    void keepsThreadNamesOffTheRequestPath() throws Exception {
        var server = (AbstractServerFactory) defaults().getServerFactory();
        assertThat(server.getEnableThreadNameFilter()).isFalse();
        assertThat(server.getRegisterDefaultExceptionMappers()).isFalse();
    }

    @Test
    void refusesMoreMessageWritersThanPooledConnections() throws Exception {
        System.setProperty(WRITERS_PROPERTY, "31");
        assertThat(defaults().messageWriters()).isEqualTo(new JdbiPersistence.Writers(1, 31));
        System.setProperty(WRITERS_PROPERTY, "32");
        assertThatThrownBy(ChatConfigurationTest::defaults)
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("must not be greater than database.maxSize");
    }

    @Test
    void searchesTwentyHitsAPageWithQueriesOfAThousandCharactersInTheSimpleConfiguration() throws Exception {
        var configuration = defaults();
        assertThat(configuration.searchLimits()).isEqualTo(new SearchLimits(20, 100, 1000));
        assertThat(configuration.getSearch().textSearchConfig).isEqualTo("simple");
    }

    @Test
    void refusesATextSearchConfigurationThatIsNotAName() {
        System.setProperty(SEARCH_CONFIG_PROPERTY, "simple'; drop table messages; --");
        assertThatThrownBy(ChatConfigurationTest::defaults)
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("search.textSearchConfig");
    }

    @Test
    void refusesADefaultPageLimitAboveTheMaximum() {
        System.setProperty(PAGE_DEFAULT_PROPERTY, "1001");
        assertThatThrownBy(ChatConfigurationTest::defaults)
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("defaultLimit must not be greater than maxLimit");
    }

    @Test
    void boundsEveryWaitOnTheDatabaseAndTheShutdown() throws Exception {
        var configuration = defaults();
        var database = configuration.database();
        assertThat(database.getMaxWaitForConnection()).isEqualTo(Duration.seconds(2));
        assertThat(database.getCheckConnectionOnBorrow()).isTrue();
        assertThat(database.getCheckConnectionWhileIdle()).isTrue();
        assertThat(database.getValidationInterval()).isEqualTo(Duration.seconds(1));
        assertThat(database.getValidationQuery()).as("the driver's isValid() instead").isEmpty();
        assertThat(database.getValidationQueryTimeout()).contains(Duration.seconds(1));
        assertThat(database.getProperties()).as("nothing PostgreSQL's own for H2").isEmpty();
        assertThat(configuration.getDatabaseTimeouts().queueWait()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(((AbstractServerFactory) configuration.getServerFactory()).getShutdownGracePeriod()).isEqualTo(Duration.seconds(15));
    }

    @Test
    void givesPostgresConnectionsTheDriversAndTheServersTimeLimits() throws Exception {
        System.setProperty(URL_PROPERTY, "jdbc:postgresql://db/neptun");
        var configuration = defaults();

        assertThat(configuration.database().getProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "connectTimeout", "2", "loginTimeout", "2", "socketTimeout", "4", "options", "-c statement_timeout=3000"));
        assertThat(configuration.migrationProperties()).as("migrations may run long")
                .containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2")
                .doesNotContainKeys("socketTimeout", "options").containsEntry("user", "sa");
    }

    @Test
    void keepsTheDriverPropertiesTheOperatorSet() throws Exception {
        System.setProperty(URL_PROPERTY, "jdbc:postgresql://db/neptun");
        System.setProperty(SOCKET_TIMEOUT_PROPERTY, "30");
        var configuration = defaults();

        assertThat(configuration.database().getProperties()).containsEntry("socketTimeout", "30").containsEntry("connectTimeout", "2");
        assertThat(configuration.database().getProperties()).as("derived once only").containsEntry("socketTimeout", "30");
        assertThat(configuration.migrationProperties()).containsEntry("socketTimeout", "30");
    }

    @Test
    void refusesAStatementTimeoutTheSocketTimeoutWouldCutOff() {
        System.setProperty(STATEMENT_PROPERTY, "4s");
        assertThatThrownBy(ChatConfigurationTest::defaults)
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("databaseTimeouts.socket must be longer than databaseTimeouts.statement");
    }

    @Test
    void derivesTheDriverFromTheUrl() {
        assertThat(ChatConfiguration.driverFor("jdbc:postgresql://db/neptun")).isEqualTo("org.postgresql.Driver");
        assertThat(ChatConfiguration.driverFor("jdbc:h2:mem:x")).isEqualTo("org.h2.Driver");
        assertThatThrownBy(() -> ChatConfiguration.driverFor("jdbc:mysql://db/x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void refusesAWebUiPasswordShorterThan32Characters() {
        System.setProperty(PASSWORD_PROPERTY, "x".repeat(31));
        assertThatThrownBy(ChatConfigurationTest::defaults)
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("sessions.neptun.password")
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void acceptsAWebUiPasswordOf32Characters() throws Exception {
        System.setProperty(PASSWORD_PROPERTY, "x".repeat(32));
        assertThat(defaults().getSessions().neptun.password()).contains("x".repeat(32));
    }
}
