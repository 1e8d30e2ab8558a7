package neptun.chat.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log lines of the built-in logging settings: text by default, JSON on request, both with the request id. */
class LogLayoutsTest {
    private static final String LAYOUT_PROPERTY = "dw.logging.appenders[0].layout.type";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @AfterEach
    void clearOverrides() {
        System.clearProperty(LAYOUT_PROPERTY);
    }

    private static DiscoverableLayoutFactory<?> configuredLayout() throws Exception {
        var configuration = new DefaultConfigurationFactoryFactory<ChatConfiguration>()
                .create(ChatConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build();
        var console = (ConsoleAppenderFactory<?>) ((DefaultLoggingFactory) configuration.getLoggingFactory()).getAppenders().get(0);
        return console.getLayout();
    }

    @SuppressWarnings("unchecked")
    private static String format(DiscoverableLayoutFactory<?> factory, Map<String, String> mdc) {
        var context = new LoggerContext();
        var layout = (LayoutBase<LoggingEvent>) (LayoutBase<?>) factory.build(context, UTC);
        layout.start();
        var event = new LoggingEvent(LogLayoutsTest.class.getName(), context.getLogger("neptun.chat.Example"), Level.ERROR,
                "Unexpected error {}", null, new Object[] {"e-1"});
        event.setMDCPropertyMap(mdc);
        return layout.doLayout(event);
    }

    @Test
    void writesTextLinesEndingInTheRequestIdByDefault() throws Exception {
        var layout = configuredLayout();

        assertThat(layout).isInstanceOf(TextLogLayoutFactory.class);
        assertThat(format(layout, Map.of("requestId", "req-7")))
                .matches("ERROR \\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}] neptun.chat.Example: Unexpected error e-1 request=req-7\\R");
        assertThat(format(layout, Map.of())).endsWith("neptun.chat.Example: Unexpected error e-1" + System.lineSeparator());
    }

    @Test
    void writesOneJsonObjectPerLineWithLogFormatJson() throws Exception {
        System.setProperty(LAYOUT_PROPERTY, "json");
        var layout = configuredLayout();

        assertThat(layout).isInstanceOf(EventJsonLayoutBaseFactory.class);
        String line = format(layout, Map.of("requestId", "req-8"));
        assertThat(line.strip()).doesNotContain("\n");
        var json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("ERROR");
        assertThat(json.get("logger").asText()).isEqualTo("neptun.chat.Example");
        assertThat(json.get("message").asText()).isEqualTo("Unexpected error e-1");
        assertThat(json.at("/mdc/requestId").asText()).isEqualTo("req-8");
    }
}
