package neptun.chat.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import neptun.chat.adapters.rest.ops.OperationsSettings;
import neptun.chat.adapters.rest.ops.RateLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built-in limits against slow and greedy clients. */
class OperationsSettingsTest {
    private static final String RATE_PROPERTY = "dw.rateLimit.perSecond";
    private static final String IN_FLIGHT_PROPERTY = "dw.requests.maxInFlight";

    @AfterEach
    void clearOverrides() {
        System.clearProperty(RATE_PROPERTY);
        System.clearProperty(IN_FLIGHT_PROPERTY);
    }

    private static ChatConfiguration defaults() throws Exception {
        return new DefaultConfigurationFactoryFactory<ChatConfiguration>()
                .create(ChatConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build();
    }

    @Test
    void capsRequestsInFlightAndLimitsEachUserGenerously() throws Exception {
        var configuration = defaults();

        assertThat(configuration.operationsSettings()).isEqualTo(OperationsSettings.DEFAULTS);
        assertThat(configuration.operationsSettings().rateLimit()).isEqualTo(new RateLimit(100, 1000, 100_000));
        var server = (DefaultServerFactory) configuration.getServerFactory();
        assertThat(configuration.operationsSettings().requests().maxInFlight()).isLessThan(server.getMaxThreads());
    }

    @Test
    void boundsHowSlowlyAClientMaySendItsRequest() throws Exception {
        var server = (DefaultServerFactory) defaults().getServerFactory();
        var connector = (HttpConnectorFactory) server.getApplicationConnectors().get(0);

        assertThat(connector.getIdleTimeout()).isEqualTo(Duration.seconds(30));
        assertThat(connector.getMinRequestDataPerSecond()).isEqualTo(DataSize.bytes(0));
        assertThat(defaults().restSettings().maxBodyReadTime()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(connector.getMaxRequestHeaderSize()).isEqualTo(DataSize.kibibytes(8));
    }

    @Test
    void turnsTheRateLimitOffWithZero() throws Exception {
        System.setProperty(RATE_PROPERTY, "0");
        assertThat(defaults().operationsSettings().rateLimit().isOn()).isFalse();
        System.setProperty(RATE_PROPERTY, "-1");
        assertThatThrownBy(OperationsSettingsTest::defaults).isInstanceOf(ConfigurationValidationException.class);
    }

    @Test
    void refusesNoRequestsInFlight() {
        System.setProperty(IN_FLIGHT_PROPERTY, "0");
        assertThatThrownBy(OperationsSettingsTest::defaults).isInstanceOf(ConfigurationValidationException.class);
    }
}
