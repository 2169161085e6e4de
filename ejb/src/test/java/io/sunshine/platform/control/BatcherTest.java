package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Batches run one at a time, in arrival order, each item getting its own result or failure. */
class BatcherTest {

    @Test
    void aLoneItemIsDoneByItsOwnThreadAtOnce() {
        List<List<Integer>> batches = new ArrayList<>();
        Batcher<Integer, String> b =
                new Batcher<>(
                        10,
                        1000,
                        items -> {
                            batches.add(items);
                            return items.stream().map(i -> "r" + i).toList();
                        });
        assertEquals("r7", b.submit(7));
        assertEquals("r8", b.submit(8));
        assertEquals(List.of(List.of(7), List.of(8)), batches);
        assertEquals(0, b.waiting());
    }

    @Test
    void itemsThatArriveDuringABatchAreDoneTogetherInTheNextInArrivalOrder() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        Batcher<Integer, Integer> b =
                new Batcher<>(
                        3,
                        10_000,
                        items -> {
                            batches.add(items);
                            if (items.get(0) == 0) {
                                firstRunning.countDown();
                                await(release);
                            }
                            return items.stream().map(i -> i * 10).toList();
                        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<Integer> first = pool.submit(() -> b.submit(0));
            assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
            List<Future<Integer>> rest = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                rest.add(pool.submit(() -> b.submit(item)));
                // arrival order is the order of join
                while (b.waiting() < i) {
                    Thread.onSpinWait();
                }
            }
            release.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 5; i++) {
                assertEquals(i * 10, rest.get(i - 1).get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3), List.of(4, 5)), batches);
    }

    @Test
    void manyThreadsAtOnceNeverRunTwoBatchesTogetherAndEveryItemGetsItsOwnResult()
            throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Batcher<Integer, Integer> b =
                new Batcher<>(
                        8,
                        30_000,
                        items -> {
                            if (running.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            Thread.yield();
                            done.addAndGet(items.size());
                            running.decrementAndGet();
                            return items.stream().map(i -> -i).toList();
                        });
        int threads = 16;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                all.add(
                        pool.submit(
                                () -> {
                                    for (int i = base; i < base + each; i++) {
                                        if (b.submit(i) != -i) {
                                            return false;
                                        }
                                    }
                                    return true;
                                }));
            }
            for (Future<Boolean> f : all) {
                assertTrue(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, overlaps.get());
        assertEquals(threads * each, done.get());
        assertEquals(0, b.waiting());
    }

    @Test
    void aFailedBatchFailsEachOfItsItemsAndTheNextBatchStillRuns() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("database down");
        Batcher<Integer, Integer> b =
                new Batcher<>(
                        2,
                        10_000,
                        items -> {
                            if (items.get(0) == 0) {
                                firstRunning.countDown();
                                await(release);
                                return items;
                            }
                            if (items.contains(1)) {
                                throw boom;
                            }
                            return items;
                        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = pool.submit(() -> b.submit(0));
            assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
            Future<Integer> one = pool.submit(() -> b.submit(1));
            while (b.waiting() < 1) {
                Thread.onSpinWait();
            }
            Future<Integer> two = pool.submit(() -> b.submit(2));
            while (b.waiting() < 2) {
                Thread.onSpinWait();
            }
            Future<Integer> three = pool.submit(() -> b.submit(3));
            while (b.waiting() < 3) {
                Thread.onSpinWait();
            }
            release.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            for (Future<Integer> failed : List.of(one, two)) {
                var e =
                        assertThrows(
                                java.util.concurrent.ExecutionException.class,
                                () -> failed.get(10, TimeUnit.SECONDS));
                assertSame(boom, e.getCause());
            }
            assertEquals(3, three.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, b.submit(5), "idle again");
    }

    @Test
    void anItemNotTakenInTimeLeavesTheQueueUndone() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Batcher<Integer, Integer> b =
                new Batcher<>(
                        10,
                        200,
                        items -> {
                            seen.addAll(items);
                            if (items.get(0) == 0) {
                                firstRunning.countDown();
                                await(release);
                            }
                            return items;
                        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> b.submit(0));
            assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
            assertThrows(IllegalStateException.class, () -> b.submit(1));
            assertEquals(0, b.waiting());
            release.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertFalse(seen.contains(1), "its work was not done");
        assertEquals(2, b.submit(2));
    }

    @Test
    void aFailedBatchOfSeveralIsDoneAgainItemByItemSoOneFailureIsItsOwn() {
        List<List<Integer>> calls = new ArrayList<>();
        List<Integer> toldOf = new ArrayList<>();
        var work =
                Batcher.<Integer, String>orEachAlone(
                        items -> {
                            calls.add(items);
                            if (items.contains(13)) {
                                throw new IllegalStateException("unlucky " + items);
                            }
                            return items.stream().map(i -> "r" + i).toList();
                        },
                        (size, e) -> toldOf.add(size),
                        e -> "failed: " + e.getMessage());
        assertEquals(List.of("r1", "r2"), work.apply(List.of(1, 2)));
        assertEquals(
                List.of("r12", "failed: unlucky [13]", "r14"), work.apply(List.of(12, 13, 14)));
        assertEquals(List.of("failed: unlucky [13]"), work.apply(List.of(13)));
        assertEquals(List.of(3), toldOf, "only the failed batch of several is told of");
        assertEquals(
                List.of(
                        List.of(1, 2),
                        List.of(12, 13, 14),
                        List.of(12),
                        List.of(13),
                        List.of(14),
                        List.of(13)),
                calls);
    }

    @Test
    void aBatchTakesAtLeastOneItem() {
        assertThrows(
                IllegalArgumentException.class, () -> new Batcher<Integer, Integer>(0, 1, l -> l));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
