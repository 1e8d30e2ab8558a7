package neptun.chat.adapters.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets concurrent callers share writes (group commit): a caller queues its item, and whichever caller holds
 * one of the writer permits writes every item queued at that moment, up to a weight limit, as one group.
 * Each caller returns only once its own item is written (or has failed), so nothing is acknowledged before
 * it is stored. A caller that arrives while no permit is taken writes its item at once, alone: under light
 * load nothing waits; under heavy load the work of many callers shares one statement and one commit.
 *
 * <p>There are no threads of its own: the callers write. A writer permit is held only while a group is
 * written, and the writer then wakes the oldest waiting caller, who takes the next group.
 */
final class WriteCombiner<T, R> {
    /** Writes a group. Must settle each pending item, in any order; an item it leaves open fails. */
    @FunctionalInterface
    interface GroupWriter<T, R> {
        void write(List<Pending<T, R>> group);
    }

    /** An item waiting to be written, with the caller that waits for it. */
    static final class Pending<T, R> {
        private final T item;
        private final int weight;
        private final Thread caller;
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
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    private final AtomicLong itemsWrittenInGroups = new AtomicLong();

    /**
     * @param writers how many groups may be written at the same time (each holds a database connection)
     * @param maxGroupWeight a group takes queued items while their total weight stays within this; an item
     *     heavier than it is written alone
     */
    WriteCombiner(int writers, int maxGroupWeight, GroupWriter<T, R> writer) {
        if (writers < 1 || maxGroupWeight < 1) {
            throw new IllegalArgumentException("writers and maxGroupWeight must be positive");
        }
        this.writer = Objects.requireNonNull(writer, "writer");
        this.writers = new Semaphore(writers);
        this.maxGroupWeight = maxGroupWeight;
    }

    /** Writes {@code item} (alone or with others) and answers with its own result, or throws its own failure. */
    R write(T item, int weight) {
        Pending<T, R> pending = new Pending<>(item, weight, Thread.currentThread());
        synchronized (queue) {
            queue.addLast(pending);
        }
        boolean interrupted = false;
        // The caller cannot give up: its item may be part of a group being written.
        while (!pending.settled) {
            if (writers.tryAcquire()) {
                try {
                    writeGroup(takeGroup());
                } finally {
                    writers.release();
                }
                wakeOldestWaiting();
            } else {
                LockSupport.parkNanos(this, PARK_NANOS);
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
            failAll(group, new IllegalStateException("writing failed", e));
            throw e;
        }
        failAll(group, failure != null ? failure : new IllegalStateException("the writer left an item unsettled"));
    }

    /** How many items were written together with others so far (for tests and diagnostics). */
    long itemsWrittenInGroups() {
        return itemsWrittenInGroups.get();
    }

    /** How many items wait for a writer now. */
    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private static <T, R> void failAll(List<Pending<T, R>> group, RuntimeException failure) {
        for (Pending<T, R> pending : group) {
            if (!pending.settled) {
                pending.fail(failure);
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
