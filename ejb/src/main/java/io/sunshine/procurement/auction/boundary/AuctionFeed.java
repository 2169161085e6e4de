package io.sunshine.procurement.auction.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live feed of the auctions: who watches which auction, and what each watcher is sent when the
 * auction changes (an accepted bid, an extension, the close).
 *
 * <p>Every message is the whole state the watcher may see ({@link AuctionSnapshot#viewFor}), never
 * a difference, so a client that reconnects, or missed a message, is right again with the next one
 * — and it gets one at once when it connects. A change is announced after its transaction commits
 * ({@link AuctionChanged}, {@code AFTER_SUCCESS}): nothing is shown that could still roll back.
 * Changes of one auction are sent by one worker at a time, in order, and coalesced: when bids
 * arrive faster than they can be sent, watchers get the newest state rather than a queue of stale
 * ones. The auction is read once per round and each distinct view rendered once, however many
 * watchers share it.
 *
 * <p>One instance only: in a cluster each instance would have to hear the others' changes
 * (PostgreSQL LISTEN/NOTIFY on commit); that is left for the cluster issue.
 */
@ApplicationScoped
public class AuctionFeed {
    private static final Logger LOG = Logger.getLogger(AuctionFeed.class.getName());

    /** One connected client, as the web tier's socket presents it. */
    public interface Watcher {
        AuctionSnapshot.Viewer viewer();

        /** Sends one text message without blocking the caller. */
        void send(String json);
    }

    private static final class Channel {
        final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
        final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();
    }

    /** At most this many threads send one state; each takes at least {@link #SLICE_MIN}. */
    private static final int SLICES = 4;

    private static final int SLICE_MIN = 100;

    private final ConcurrentMap<Long, Channel> channels = new ConcurrentHashMap<>();
    private final Jsonb jsonb = JsonbBuilder.create();

    @Resource ManagedExecutorService executor;
    @Resource ManagedThreadFactory threads;

    /**
     * The threads that send the other slices of a state while the feed's own sends the first: a
     * pool of their own, so that a slice never queues behind the round that waits for it.
     */
    private ExecutorService slicing;

    @PostConstruct
    void start() {
        slicing = Executors.newFixedThreadPool(SLICES - 1, threads);
    }

    @EJB Auctions auctions;
    @Inject Clock clock;

    /** Adds a watcher and sends it the current state at once. */
    public void watch(long auctionId, Watcher w) {
        channels.computeIfAbsent(auctionId, id -> new Channel()).watchers.add(w);
        auctions.snapshot(auctionId)
                .ifPresent(s -> w.send(message(s, w.viewer(), new HashMap<>())));
    }

    public void leave(long auctionId, Watcher w) {
        Channel c = channels.get(auctionId);
        if (c != null) {
            c.watchers.remove(w);
        }
    }

    /** How many watch this auction now. */
    public int watchers(long auctionId) {
        Channel c = channels.get(auctionId);
        return c == null ? 0 : c.watchers.size();
    }

    /** The state of the auction as this viewer may see it, now (for a client that asks again). */
    public Optional<String> current(long auctionId, AuctionSnapshot.Viewer viewer) {
        return auctions.snapshot(auctionId).map(s -> message(s, viewer, new HashMap<>()));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuctionChanged e) {
        Channel c = channels.get(e.auctionId());
        if (c == null || c.watchers.isEmpty()) {
            return;
        }
        c.dirty.set(true);
        schedule(e.auctionId(), c);
    }

    private void schedule(long auctionId, Channel c) {
        if (c.running.compareAndSet(false, true)) {
            try {
                executor.execute(() -> drain(auctionId, c));
            } catch (RuntimeException rejected) {
                c.running.set(false);
                LOG.log(Level.WARNING, "Live feed of auction " + auctionId + " not sent", rejected);
            }
        }
    }

    private void drain(long auctionId, Channel c) {
        try {
            while (c.dirty.getAndSet(false)) {
                Optional<AuctionSnapshot> s = auctions.snapshot(auctionId);
                if (s.isEmpty()) {
                    return;
                }
                send(s.get(), List.copyOf(c.watchers));
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Live feed of auction " + auctionId + " failed a round", ex);
        } finally {
            c.running.set(false);
            if (c.dirty.get()) {
                schedule(auctionId, c);
            }
        }
    }

    /**
     * Sends one state to every watcher: in slices side by side when there are many (the sends of a
     * thousand watchers one after the other make the last one wait for all the others), each slice
     * in watcher order; and returns only when all are sent, so a watcher never gets an older state
     * after a newer one.
     */
    private void send(AuctionSnapshot s, List<Watcher> watchers) {
        Map<AuctionSnapshot.Viewer, String> rendered = new ConcurrentHashMap<>();
        int slices = Math.min(SLICES, (watchers.size() + SLICE_MIN - 1) / SLICE_MIN);
        int size = slices <= 1 ? watchers.size() : (watchers.size() + slices - 1) / slices;
        List<Future<?>> others = new ArrayList<>();
        for (int from = size; from < watchers.size(); from += size) {
            List<Watcher> slice = watchers.subList(from, Math.min(watchers.size(), from + size));
            try {
                others.add(slicing.submit(() -> sendEach(s, slice, rendered)));
            } catch (RuntimeException rejected) {
                sendEach(s, slice, rendered);
            }
        }
        sendEach(s, watchers.subList(0, Math.min(size, watchers.size())), rendered);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Live feed of auction " + s.id() + ": a slice failed", e);
            }
        }
    }

    private void sendEach(
            AuctionSnapshot s, List<Watcher> slice, Map<AuctionSnapshot.Viewer, String> rendered) {
        for (Watcher w : slice) {
            w.send(message(s, w.viewer(), rendered));
        }
    }

    /** {"type":"state","auction":id, …the viewer's AuctionView…}, rendered once per viewer. */
    private String message(
            AuctionSnapshot s,
            AuctionSnapshot.Viewer viewer,
            Map<AuctionSnapshot.Viewer, String> rendered) {
        return rendered.computeIfAbsent(
                viewer,
                v -> {
                    String view = jsonb.toJson(s.viewFor(v, clock.instant()));
                    return "{\"type\":\"state\",\"auction\":" + s.id() + "," + view.substring(1);
                });
    }

    @PreDestroy
    void close() {
        slicing.shutdownNow();
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Jsonb close", e);
        }
    }
}
