package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpiredKeysPurgeTest {
    private final List<Integer> batches = new ArrayList<>();

    /** Answers each batch with the next of {@code answers}, then with 0. */
    private ExpiredKeysPurge purge(int batchSize, Integer... answers) {
        Deque<Integer> left = new ArrayDeque<>(List.of(answers));
        return new ExpiredKeysPurge(max -> {
            batches.add(max);
            return left.isEmpty() ? 0 : left.poll();
        }, Duration.ofMinutes(1), batchSize);
    }

    @Test
    void deletesBatchesUntilOneComesBackShort() {
        assertThat(purge(10, 10, 10, 3, 10).run()).isEqualTo(23);
        assertThat(batches).containsExactly(10, 10, 10);
    }

    @Test
    void stopsARunAfterItsMostBatches() {
        var busy = new ExpiredKeysPurge(max -> {
            batches.add(max);
            return max;
        }, Duration.ofMinutes(1), 5);

        assertThat(busy.run()).isEqualTo(5 * ExpiredKeysPurge.MAX_BATCHES_PER_RUN);
        assertThat(batches).hasSize(ExpiredKeysPurge.MAX_BATCHES_PER_RUN);
    }

    @Test
    void survivesAFailedRun() {
        var failing = new ExpiredKeysPurge(max -> {
            throw new IllegalStateException("the database is away");
        }, Duration.ofMinutes(1), 5);

        assertThat(failing.run()).isZero();
    }

    @Test
    void runsEveryIntervalBetweenStartAndStop() throws Exception {
        var ran = new CountDownLatch(3);
        var purge = new ExpiredKeysPurge(max -> {
            ran.countDown();
            return 0;
        }, Duration.ofMillis(10), 5);

        purge.start();
        try {
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            purge.stop();
        }
    }

    @Test
    void refusesAnEmptyBatchOrInterval() {
        assertThatThrownBy(() -> new ExpiredKeysPurge(max -> 0, Duration.ZERO, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiredKeysPurge(max -> 0, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
