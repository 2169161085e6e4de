package io.sunshine.platform.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Lets the threads that bring work at the same time have it done together, in one batch, without a
 * thread of its own (flat combining). Items wait in arrival order; the thread that finds the
 * batcher idle, or is handed it, takes the waiting items (its own first, at most {@code max}), runs
 * the work on them, hands the batcher to the oldest item still waiting (whose thread runs the next
 * batch at once), and then gives every item of its batch its result. So at most one batch runs at a
 * time, and a thread waits for at most the batch before its own and its own.
 *
 * <pre>{@code
 * Batcher<Pending, Boolean> auditing = new Batcher<>(200, 60_000, list -> write(list));
 * auditing.submit(pending); // returns once the batch holding it is written
 * }</pre>
 *
 * @param <T> an item of work
 * @param <R> its result: the work returns one per item, in the order given
 */
public final class Batcher<T, R> {
    private final int max;
    private final long waitMillis;
    private final Function<List<T>, List<R>> work;
    private final ArrayDeque<Ticket<T, R>> waiting = new ArrayDeque<>();
    private boolean busy;

    /**
     * @param max the most items one batch takes
     * @param waitMillis how long an item may wait for its batch to start before its thread gives up
     *     (it then leaves the queue: its work is not done)
     * @param work does a batch: one result per item, in order; should it throw, every item of the
     *     batch fails with that exception
     */
    public Batcher(int max, long waitMillis, Function<List<T>, List<R>> work) {
        if (max < 1) {
            throw new IllegalArgumentException("A batch takes at least one item.");
        }
        this.max = max;
        this.waitMillis = waitMillis;
        this.work = Objects.requireNonNull(work);
    }

    /**
     * Work for a batch that may fail as a whole (one transaction for all its items): should a batch
     * of several fail, each of its items is done again alone, so that one item's failure is its
     * own; an item that fails alone gets {@code failed}'s result for the exception.
     *
     * @param work does a batch: one result per item, in order
     * @param batchFailed told of a failed batch of several (its size and the exception) before the
     *     items are done one by one, e.g. to log it
     * @param failed the result of an item whose work failed alone
     */
    public static <T, R> Function<List<T>, List<R>> orEachAlone(
            Function<List<T>, List<R>> work,
            BiConsumer<Integer, RuntimeException> batchFailed,
            Function<RuntimeException, R> failed) {
        return items -> {
            try {
                return work.apply(items);
            } catch (RuntimeException e) {
                if (items.size() == 1) {
                    return List.of(failed.apply(e));
                }
                batchFailed.accept(items.size(), e);
            }
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                try {
                    results.add(work.apply(List.of(item)).get(0));
                } catch (RuntimeException e) {
                    results.add(failed.apply(e));
                }
            }
            return results;
        };
    }

    /**
     * Has the item's work done, in a batch this thread runs or another one does.
     *
     * @return the item's result
     * @throws IllegalStateException if the item waited longer than allowed for its batch to start
     *     (its work is then not done), or its thread was interrupted while it waited
     */
    public R submit(T item) {
        Ticket<T, R> mine = new Ticket<>(item);
        if (!join(mine)) {
            mine.awaitTurn(this);
        }
        if (!mine.isDone()) {
            lead();
        }
        return mine.result();
    }

    /** Runs the batch at the head of the queue: the leader's own item is its first. */
    private void lead() {
        List<Ticket<T, R>> batch = take();
        List<R> results;
        try {
            results = work.apply(batch.stream().map(t -> t.item).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException(
                        results.size() + " results for a batch of " + batch.size());
            }
        } catch (RuntimeException | Error e) {
            handOver();
            batch.forEach(t -> t.fail(e));
            return;
        }
        handOver();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done(results.get(i));
        }
    }

    /** Queues the item; whether its thread is to run the next batch (the batcher was idle). */
    synchronized boolean join(Ticket<T, R> t) {
        waiting.add(t);
        if (busy) {
            return false;
        }
        busy = true;
        return true;
    }

    /** The oldest waiting items, at most {@code max}. */
    synchronized List<Ticket<T, R>> take() {
        List<Ticket<T, R>> batch = new ArrayList<>(Math.min(max, waiting.size()));
        while (batch.size() < max && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    /** A batch is done: the oldest waiting item's thread runs the next, or the batcher is idle. */
    synchronized void handOver() {
        Ticket<T, R> next = waiting.peek();
        if (next == null) {
            busy = false;
        } else {
            next.lead();
        }
    }

    /**
     * Takes an item out of the queue, unless it is in a batch already or its thread was just handed
     * the batcher (it must then run the next batch).
     */
    synchronized boolean withdraw(Ticket<T, R> t) {
        return !t.woken() && waiting.remove(t);
    }

    /** How many items wait for a batch (for tests and metrics). */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** One item on its way: waits until it is done or its thread is to run the next batch. */
    static final class Ticket<T, R> {
        final T item;
        private final CountDownLatch woken = new CountDownLatch(1);
        private volatile boolean done;
        private volatile R result;
        private volatile Throwable failure;

        Ticket(T item) {
            this.item = item;
        }

        void lead() {
            woken.countDown();
        }

        void done(R r) {
            result = r;
            done = true;
            woken.countDown();
        }

        void fail(Throwable t) {
            failure = t;
            done = true;
            woken.countDown();
        }

        boolean isDone() {
            return done;
        }

        boolean woken() {
            return woken.getCount() == 0;
        }

        void awaitTurn(Batcher<T, R> batcher) {
            boolean interrupted = false;
            try {
                if (woken.await(batcher.waitMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (batcher.withdraw(this)) {
                    throw new IllegalStateException(
                            "Not taken into a batch within " + batcher.waitMillis + " ms");
                }
            } catch (InterruptedException e) {
                if (batcher.withdraw(this)) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a batch", e);
                }
                interrupted = true;
            }
            // in a batch already, or handed the batcher: the result (or the turn) comes regardless
            while (true) {
                try {
                    woken.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        R result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
