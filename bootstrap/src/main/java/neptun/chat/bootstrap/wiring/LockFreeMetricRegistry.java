package neptun.chat.bootstrap.wiring;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * A registry whose timers and histograms keep their samples in metrics' lock-free reservoir. Several of
 * them are updated in every request (Jetty's request timers, the session cache's lookups), and the default
 * reservoir takes a lock and inserts into a skip list on each update; the lock-free one gives the same
 * exponentially decaying view of the data.
 */
public final class LockFreeMetricRegistry extends MetricRegistry {
    @Override
    public Timer timer(String name) {
        return timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }

    @Override
    public Histogram histogram(String name) {
        return histogram(name, () -> new Histogram(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }
}
