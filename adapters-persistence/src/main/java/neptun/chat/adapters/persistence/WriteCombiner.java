package neptun.chat.adapters.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Lets concurrent callers share writes (group commit): a caller queues its item, and whichever caller holds
 * one of the writer permits writes every item queued at that moment, up to a weight limit, as one group.
 * Each caller returns only once its own item is written (or has failed), so nothing is acknowledged before
 * it is stored. A caller that arrives while no permit is taken writes its item at once, alone: under light
 * load nothing waits; under heavy load the work of many callers shares one statement and one commit.
 *
 * <p>There are no threads of its own: the callers write. A writer permit is held only while a group is
 * written, and the writer then wakes the oldest waiting caller, who takes the next group.
 *
 * <p>A caller waits for a writer only so long: one whose item no writer has taken within {@code maxQueueWait}
 * takes it out of the queue and gives up ({@link GaveUpWaiting}), so nothing of it is written. Once a writer
 * has taken its item, the caller waits for the outcome, which only the writer can bound.
 */
final class WriteCombiner<T, R> {
    /** Writes a group. Must settle each pending item, in any order; an item it leaves open fails. */
    @FunctionalInterface
    interface GroupWriter<T, R> {
        void write(List<Pending<T, R>> group);
    }

    /** The caller's item waited longer than the limit without being taken by a writer; it was not written. */
    static final class GaveUpWaiting extends RuntimeException {
        GaveUpWaiting(String message) {
            super(message);
        }
    }

    /** An item waiting to be written, with the caller that waits for it. */
    static final class Pending<T, R> {
        private final T item;
        private final int weight;
        private final Thread caller;
        /** Set, under the queue's lock, when a writer takes the item into a group. */
        private boolean taken;
        private R result;
        private RuntimeException failure;
        private volatile boolean settled;

        private Pending(T item, int weight, Thread caller) {
            this.item = item;
            this.weight = weight;
            this.caller = caller;
        }

        T item() {
            return item;
        }

        void succeed(R value) {
            settle(value, null);
        }

        void fail(RuntimeException cause) {
            settle(null, Objects.requireNonNull(cause, "cause"));
        }

        private void settle(R value, RuntimeException cause) {
            if (settled) {
                throw new IllegalStateException("settled twice");
            }
            result = value;
            failure = cause;
            settled = true; // publishes result and failure to the caller
            LockSupport.unpark(caller);
        }
    }

    /** Only a safety net: every settlement and every hand-over unparks the caller it concerns. */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final GroupWriter<T, R> writer;
    private final Semaphore writers;
    private final int maxGroupWeight;
    private final long maxQueueWaitNanos;
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    private final AtomicLong itemsWrittenInGroups = new AtomicLong();

    /**
     * @param writers how many groups may be written at the same time (each holds a database connection)
     * @param maxGroupWeight a group takes queued items while their total weight stays within this; an item
     *     heavier than it is written alone
     * @param maxQueueWait how long a caller waits for a writer to take its item before it gives up
     */
    WriteCombiner(int writers, int maxGroupWeight, Duration maxQueueWait, GroupWriter<T, R> writer) {
        if (writers < 1 || maxGroupWeight < 1) {
            throw new IllegalArgumentException("writers and maxGroupWeight must be positive");
        }
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("maxQueueWait must be positive");
        }
        this.writer = Objects.requireNonNull(writer, "writer");
        this.writers = new Semaphore(writers);
        this.maxGroupWeight = maxGroupWeight;
        this.maxQueueWaitNanos = maxQueueWait.toNanos();
    }

    /**
     * Writes {@code item} (alone or with others) and answers with its own result, or throws its own failure.
     *
     * @throws GaveUpWaiting when no writer took the item within the queue's limit (then it was not written)
     */
    R write(T item, int weight) {
        Pending<T, R> pending = new Pending<>(item, weight, Thread.currentThread());
        long deadline = System.nanoTime() + maxQueueWaitNanos;
        synchronized (queue) {
            queue.addLast(pending);
        }
        boolean interrupted = false;
        // Once a writer has taken the item, the caller cannot give up: the item may be being written.
        while (!pending.settled) {
            if (writers.tryAcquire()) {
                try {
                    writeGroup(takeGroup());
                } finally {
                    writers.release();
                }
                wakeOldestWaiting();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0 && leaveQueue(pending)) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    throw new GaveUpWaiting("no writer was free within " + Duration.ofNanos(maxQueueWaitNanos).toMillis() + " ms");
                }
                LockSupport.parkNanos(this, left > 0 ? Math.min(left, PARK_NANOS) : PARK_NANOS);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.result;
    }

    private List<Pending<T, R>> takeGroup() {
        List<Pending<T, R>> group = new ArrayList<>();
        int weight = 0;
        synchronized (queue) {
            while (!queue.isEmpty() && (group.isEmpty() || weight + queue.peekFirst().weight <= maxGroupWeight)) {
                Pending<T, R> next = queue.pollFirst();
                next.taken = true;
                group.add(next);
                weight += next.weight;
            }
        }
        return group;
    }

    private void writeGroup(List<Pending<T, R>> group) {
        if (group.isEmpty()) {
            return;
        }
        if (group.size() > 1) {
            itemsWrittenInGroups.addAndGet(group.size());
        }
        RuntimeException failure = null;
        try {
            writer.write(group);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failAll(group, () -> new IllegalStateException("writing failed", e));
            throw e;
        }
        RuntimeException cause = failure;
        failAll(group, () -> cause != null ? cause : new IllegalStateException("the writer left an item unsettled"));
    }

    /** How many items were written together with others so far (for tests and diagnostics). */
    long itemsWrittenInGroups() {
        return itemsWrittenInGroups.get();
    }

    /** Takes {@code pending} out of the queue unless a writer has taken it already; true when it did. */
    private boolean leaveQueue(Pending<T, R> pending) {
        synchronized (queue) {
            if (pending.taken) {
                return false;
            }
            queue.remove(pending);
            return true;
        }
    }

    /** How many items wait for a writer now. */
    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Fails the items still open with one failure, made only if there is one (a successful group has none). */
    private static <T, R> void failAll(List<Pending<T, R>> group, Supplier<RuntimeException> failure) {
        RuntimeException cause = null;
        for (Pending<T, R> pending : group) {
            if (!pending.settled) {
                if (cause == null) {
                    cause = failure.get();
                }
                pending.fail(cause);
            }
        }
    }

    /** A caller that queued while every permit was taken may be parked; the oldest one writes next. */
    private void wakeOldestWaiting() {
        Pending<T, R> oldest;
        synchronized (queue) {
            oldest = queue.peekFirst();
        }
        if (oldest != null) {
            LockSupport.unpark(oldest.caller);
        }
    }
}
