package neptun.chat.bootstrap;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import neptun.chat.application.port.in.ForgetExpiredKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys in the background, never on a request's path: every {@code interval}, one
 * thread deletes bounded batches until a batch finds fewer than it may take (and at most
 * {@value #MAX_BATCHES_PER_RUN} batches a run, so a backlog is worked off over several runs). A failed run (the
 * database away) is logged, and the next one tries again. Keys that expired and are not deleted yet are
 * already new keys to the use cases, which check the expiry themselves.
 */
final class ExpiredKeysPurge implements Managed {
    static final int MAX_BATCHES_PER_RUN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredKeysPurge.class);

    private final ForgetExpiredKeys expiredKeys;
    private final Duration interval;
    private final int batchSize;
    private ScheduledExecutorService scheduler;

    ExpiredKeysPurge(ForgetExpiredKeys expiredKeys, Duration interval, int batchSize) {
        this.expiredKeys = Objects.requireNonNull(expiredKeys);
        this.interval = Objects.requireNonNull(interval);
        if (interval.isNegative() || interval.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("the interval and the batch size must be positive");
        }
        this.batchSize = batchSize;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "expired-idempotency-keys");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One run: batches until one comes back short. @return how many keys it deleted */
    int run() {
        int deleted = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !Thread.currentThread().isInterrupted(); batch++) {
                int n = expiredKeys.forgetExpired(batchSize);
                deleted += n;
                if (n < batchSize) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired idempotency keys failed; trying again in {}", interval, e);
        }
        if (deleted > 0) {
            LOG.debug("Deleted {} expired idempotency keys", deleted);
        }
        return deleted;
    }
}
