package neptun.chat.bootstrap.wiring;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;
import neptun.chat.adapters.rest.ops.RequestIds;

/**
 * The log layout {@code text}: Dropwizard's usual lines, ending in {@code request=<id>} when logged while a
 * request is processed. It exists so that one setting ({@code layout.type}, {@code LOG_FORMAT}) chooses
 * between it and Dropwizard's {@code json} layout, which puts the request id into its {@code mdc} field.
 */
@JsonTypeName("text")
public class TextLogLayoutFactory implements DiscoverableLayoutFactory<ILoggingEvent> {
    @Override
    public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
        var layout = new DropwizardLayout(context, timeZone);
        layout.setPattern(pattern(timeZone));
        return layout;
    }

    static String pattern(TimeZone timeZone) {
        // %replace drops " request=" again when no request id is set.
        return "%-5p [%d{ISO8601," + timeZone.getID() + "}] %c: %m"
                + "%replace( request=%X{" + RequestIds.MDC_KEY + "}){' request=$', ''}%n%dwREx";
    }
}
