package neptun.chat.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Reservoir;
import io.dropwizard.core.setup.Bootstrap;
import java.lang.reflect.Field;
import java.time.Duration;
import neptun.chat.bootstrap.ChatApplication;
import org.junit.jupiter.api.Test;

class LockFreeMetricRegistryTest {
    private final LockFreeMetricRegistry registry = new LockFreeMetricRegistry();

    @Test
    void givesTimersAndHistogramsTheLockFreeReservoir() throws Exception {
        var timer = registry.timer("requests");
        var histogram = registry.histogram("sizes");

        assertThat(reservoirOf(timer.getClass().getDeclaredField("histogram"), timer)).isInstanceOf(LockFreeExponentiallyDecayingReservoir.class);
        assertThat(reservoirOf(null, histogram)).isInstanceOf(LockFreeExponentiallyDecayingReservoir.class);
    }

    @Test
    void recordsAndFindsThemByName() {
        registry.timer("requests").update(Duration.ofMillis(3));
        registry.histogram("sizes").update(7);

        assertThat(registry.timer("requests").getCount()).isEqualTo(1);
        assertThat(registry.timer("requests").getSnapshot().getMax()).isEqualTo(Duration.ofMillis(3).toNanos());
        assertThat(registry.histogram("sizes").getSnapshot().getValues()).containsExactly(7);
    }

    @Test
    void isTheRegistryOfTheApplication() {
        var bootstrap = new Bootstrap<>(new ChatApplication());
        new ChatApplication().initialize(bootstrap);

        assertThat(bootstrap.getMetricRegistry()).isInstanceOf(LockFreeMetricRegistry.class);
    }

    /** The reservoir of a histogram, or of the histogram in {@code histogramField} of {@code owner}. */
    private static Reservoir reservoirOf(Field histogramField, Object owner) throws ReflectiveOperationException {
        Object histogram = owner;
        if (histogramField != null) {
            histogramField.setAccessible(true);
            histogram = histogramField.get(owner);
        }
        Field reservoir = com.codahale.metrics.Histogram.class.getDeclaredField("reservoir");
        reservoir.setAccessible(true);
        return (Reservoir) reservoir.get(histogram);
    }
}
