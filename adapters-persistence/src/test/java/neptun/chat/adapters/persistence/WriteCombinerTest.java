package neptun.chat.adapters.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteCombinerTest {
    /** Longer than any test waits for a writer, except those about giving up. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** Every group written, in the order the writes began. */
    private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicInteger mostWritingAtOnce = new AtomicInteger();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Answers each item with its square, slowly enough that callers pile up behind a busy writer. */
    private void squareSlowly(List<WriteCombiner.Pending<Integer, Integer>> group) {
        mostWritingAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
        try {
            groups.add(group.stream().map(WriteCombiner.Pending::item).toList());
            Thread.sleep(2);
            group.forEach(p -> p.succeed(p.item() * p.item()));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            writing.decrementAndGet();
        }
    }

    @Test
    void writesALoneItemAtOnceAndAnswersWithItsResult() {
        var combiner = new WriteCombiner<Integer, Integer>(1, 10, WAIT, this::squareSlowly);

        assertThat(combiner.write(7, 1)).isEqualTo(49);
        assertThat(combiner.write(8, 1)).isEqualTo(64);
        assertThat(groups).containsExactly(List.of(7), List.of(8));
        assertThat(combiner.itemsWrittenInGroups()).isZero();
    }

    @Test
    void answersEveryConcurrentCallerWithItsOwnResultWhileSharingGroups() throws Exception {
        int writers = 2;
        var combiner = new WriteCombiner<Integer, Integer>(writers, 1_000, WAIT, this::squareSlowly);
        int threads = 32;
        int perThread = 50;
        var start = new CyclicBarrier(threads);
        List<Future<List<Integer>>> answers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            answers.add(callers.submit(() -> {
                start.await();
                List<Integer> mine = new ArrayList<>();
                for (int i = first; i < first + perThread; i++) {
                    assertThat(combiner.write(i, 1)).isEqualTo(i * i);
                    mine.add(i);
                }
                return mine;
            }));
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<List<Integer>> answer : answers) {
            answered.addAll(answer.get(60, SECONDS));
        }

        List<Integer> written = groups.stream().flatMap(List::stream).toList();
        assertThat(written).hasSize(threads * perThread).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(answered);
        assertThat(mostWritingAtOnce.get()).isLessThanOrEqualTo(writers);
        assertThat(groups).anySatisfy(group -> assertThat(group).hasSizeGreaterThan(1));
        assertThat(combiner.itemsWrittenInGroups()).isPositive();
    }

    @Test
    void keepsGroupsWithinTheWeightLimitAndWritesAHeavierItemAlone() throws Exception {
        var writerBusy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var combiner = new WriteCombiner<Integer, Integer>(1, 10, WAIT, group -> {
            if (group.get(0).item() == 0) {
                writerBusy.countDown();
                await(release);
            }
            groups.add(group.stream().map(WriteCombiner.Pending::item).toList());
            group.forEach(p -> p.succeed(p.item()));
        });
        Future<Integer> blocker = callers.submit(() -> combiner.write(0, 1));
        writerBusy.await(10, SECONDS);
        // Queued behind the busy writer, in this order: weights 4, 4, 4, 30, 2.
        List<Future<Integer>> queued = new ArrayList<>();
        int[][] itemsAndWeights = {{1, 4}, {2, 4}, {3, 4}, {4, 30}, {5, 2}};
        for (int[] itemAndWeight : itemsAndWeights) {
            queued.add(callers.submit(() -> combiner.write(itemAndWeight[0], itemAndWeight[1])));
            waitUntilQueued(combiner, queued.size());
        }
        release.countDown();

        assertThat(blocker.get(10, SECONDS)).isZero();
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(10, SECONDS)).isEqualTo(i + 1);
        }
        assertThat(groups).containsExactly(List.of(0), List.of(1, 2), List.of(3), List.of(4), List.of(5));
    }

    @Test
    void failsEveryItemOfAGroupWhoseWriterThrowsAndOnlyThose() throws Exception {
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, WAIT, group -> {
            if (group.stream().anyMatch(p -> p.item() < 0)) {
                throw new IllegalArgumentException("negative");
            }
            group.forEach(p -> p.succeed(p.item()));
        });

        assertThatThrownBy(() -> combiner.write(-1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessage("negative");
        assertThat(combiner.write(1, 1)).isEqualTo(1);
    }

    @Test
    void settlesEachItemOnItsOwnWhenTheWriterSaysSo() {
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, WAIT, group -> group.forEach(p -> {
            if (p.item() % 2 == 0) {
                p.succeed(p.item());
            } else {
                p.fail(new IllegalStateException("odd " + p.item()));
            }
        }));

        assertThat(combiner.write(2, 1)).isEqualTo(2);
        assertThatThrownBy(() -> combiner.write(3, 1)).isInstanceOf(IllegalStateException.class).hasMessage("odd 3");
    }

    @Test
    void failsAnItemTheWriterLeftUnsettled() {
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, WAIT, group -> { });

        assertThatThrownBy(() -> combiner.write(1, 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("unsettled");
    }

    @Test
    void keepsTheFirstSettlementOfAnItem() {
        var second = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, WAIT, group -> group.forEach(p -> {
            p.succeed(1);
            try {
                p.succeed(2);
            } catch (IllegalStateException e) {
                second.set(e);
            }
        }));

        assertThat(combiner.write(1, 1)).isEqualTo(1);
        assertThat(second.get()).hasMessageContaining("twice");
    }

    @Test
    void keepsTheCallersInterruptAndStillAnswers() {
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, WAIT, group -> group.forEach(p -> p.succeed(p.item())));
        Thread.currentThread().interrupt();
        try {
            assertThat(combiner.write(5, 1)).isEqualTo(5);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void givesUpAnItemNoWriterTookWithinTheWaitAndNeverWritesIt() throws Exception {
        var writerBusy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, Duration.ofMillis(200), group -> {
            if (group.get(0).item() == 0) {
                writerBusy.countDown();
                await(release);
            }
            groups.add(group.stream().map(WriteCombiner.Pending::item).toList());
            group.forEach(p -> p.succeed(p.item()));
        });
        Future<Integer> stuck = callers.submit(() -> combiner.write(0, 1));
        writerBusy.await(10, SECONDS);

        long start = System.nanoTime();
        assertThatThrownBy(() -> combiner.write(1, 1)).isInstanceOf(WriteCombiner.GaveUpWaiting.class);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        release.countDown();

        assertThat(waitedMillis).isBetween(150L, 2_000L);
        assertThat(stuck.get(10, SECONDS)).isZero();
        assertThat(combiner.queued()).isZero();
        assertThat(combiner.write(2, 1)).isEqualTo(2);
        assertThat(groups).containsExactly(List.of(0), List.of(2));
    }

    @Test
    void waitsForTheOutcomeOnceAWriterTookTheItemEvenPastTheWait() throws Exception {
        var writing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var combiner = new WriteCombiner<Integer, Integer>(1, 100, Duration.ofMillis(100), group -> {
            writing.countDown();
            await(release);
            group.forEach(p -> p.succeed(p.item() * 10));
        });
        Future<Integer> answer = callers.submit(() -> combiner.write(4, 1));
        writing.await(10, SECONDS);
        Thread.sleep(300); // three times the wait, while the item is being written

        release.countDown();
        assertThat(answer.get(10, SECONDS)).isEqualTo(40);
    }

    @Test
    void refusesNonPositiveLimits() {
        assertThatThrownBy(() -> new WriteCombiner<Integer, Integer>(0, 1, WAIT, group -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteCombiner<Integer, Integer>(1, 0, WAIT, group -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteCombiner<Integer, Integer>(1, 1, Duration.ZERO, group -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilQueued(WriteCombiner<Integer, Integer> combiner, int items) throws InterruptedException {
        for (int i = 0; i < 1_000 && combiner.queued() < items; i++) {
            Thread.sleep(5);
        }
        assertThat(combiner.queued()).isEqualTo(items);
    }
}
