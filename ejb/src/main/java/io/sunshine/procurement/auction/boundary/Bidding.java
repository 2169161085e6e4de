package io.sunshine.procurement.auction.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.boundary.RequestCaller;
import io.sunshine.platform.boundary.CallerContext;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where suppliers' bids enter the engine: each auction has a lane, and the bids that arrive while
 * the lane is busy wait in it, in arrival order, for the next batch. The request thread that finds
 * its lane idle (or is handed the lane) takes the waiting bids, up to {@link #BATCH_MAX}, and has
 * {@link Auctions#decide} decide them in one transaction under the auction row's lock; once that is
 * committed it hands the lane to the oldest bid still waiting, appends the batch's refusals to the
 * audit trail in one more transaction ({@link AuditTrail#recordRefusals}), and only then answers
 * every bidder of the batch. No thread of its own, no timer: the bidders' own threads do the work.
 *
 * <p>Why: a bid holds its auction's row lock from its first statement to its commit, and a refusal
 * takes the audit chain's lock for one commit more. One by one, every bid paid the whole round and
 * every refusal queued on the one chain of the whole platform; in batches, a lock is taken and a
 * commit is waited for once per batch. The rules, the order and the guarantees are those of one bid
 * at a time: each bid is decided in arrival order at its own server instant against the auction as
 * the bids before it left it, an accepted bid is durable before its bidder is told, and the row
 * lock still orders the bids of two instances sharing the database (each instance has its own
 * lanes; the database serialises their batches).
 *
 * <p>A batch that fails as a whole (a database error) is decided again one bid per transaction, so
 * that one bid's failure is that bid's alone.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@DeclareRoles("SUPPLIER")
public class Bidding {
    private static final Logger LOG = Logger.getLogger(Bidding.class.getName());

    /** The most bids one batch decides; the rest wait for the next. */
    static final int BATCH_MAX = 50;

    /**
     * How long a bid waits for its answer before its request gives up (it may still be decided).
     */
    private static final long WAIT_SECONDS = 60;

    private static final String KEY_FORM = "[A-Za-z0-9._:-]+";

    @EJB Auctions auctions;
    @EJB AuditTrail audit;
    @EJB Directory directory;
    @Resource SessionContext session;
    @Inject Instance<RequestCaller> requestCaller;
    @Inject Instance<CallerContext> callerContext;

    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * A supplier's bid: the amount as typed, and an optional client key for safe retries. Answered
     * once decided and committed: accepted (or, for a client key already used, the first answer
     * again), or refused with the code that says why — the refusal then already in the auction's
     * log and the audit trail.
     */
    @RolesAllowed("SUPPLIER")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BidAnswer bid(long auctionId, String amountText, String clientKey) {
        Account me = caller();
        String key = clientKey == null || clientKey.isBlank() ? null : clientKey.strip();
        if (key != null && (key.length() > 64 || !key.matches(KEY_FORM))) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "clientKey", "clientKey");
        }
        Ticket mine =
                new Ticket(
                        new Auctions.BidRequest(
                                me.organisationId(),
                                amountText,
                                key,
                                AuditTrail.Actor.of(me),
                                CallerContext.addressOf(callerContext)));
        Lane lane = lanes.computeIfAbsent(auctionId, id -> new Lane());
        if (!lane.join(mine)) {
            mine.awaitTurn(lane);
        }
        if (!mine.isDecided()) {
            lead(auctionId, lane);
        }
        return mine.answer();
    }

    /**
     * Decides the batch at the head of the lane (which holds the leader's own bid) and answers it.
     */
    private void lead(long auctionId, Lane lane) {
        List<Ticket> batch = lane.take(BATCH_MAX);
        List<Auctions.BidDecision> decisions = null;
        try {
            decisions = decideAll(auctionId, batch);
        } catch (RuntimeException | Error e) {
            for (Ticket t : batch) {
                t.fail(e);
            }
            throw e;
        } finally {
            lane.handOver();
        }
        List<AuditTrail.Pending> refusals = new ArrayList<>();
        for (Auctions.BidDecision d : decisions) {
            if (d != null && d.audit() != null) {
                refusals.add(d.audit());
            }
        }
        if (!refusals.isEmpty()) {
            try {
                audit.recordRefusals(refusals);
            } catch (RuntimeException e) {
                // the refusals stay in the auction's own log (and its audit document)
                LOG.log(
                        Level.SEVERE,
                        refusals.size()
                                + " refused bids on auction "
                                + auctionId
                                + " not in the audit trail (they are in the auction's log)",
                        e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).decided(decisions.get(i));
        }
    }

    /** The batch in one transaction; should that fail, each bid in one of its own. */
    private List<Auctions.BidDecision> decideAll(long auctionId, List<Ticket> batch) {
        List<Auctions.BidRequest> requests = batch.stream().map(Ticket::request).toList();
        try {
            return auctions.decide(auctionId, requests);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                throw e;
            }
            LOG.log(
                    Level.WARNING,
                    "A batch of "
                            + batch.size()
                            + " bids on auction "
                            + auctionId
                            + " failed; deciding them one by one",
                    e);
        }
        List<Auctions.BidDecision> one = new ArrayList<>(batch.size());
        for (Auctions.BidRequest r : requests) {
            try {
                one.add(auctions.decide(auctionId, List.of(r)).get(0));
            } catch (RuntimeException e) {
                one.add(new Auctions.BidDecision(null, null, e));
            }
        }
        return one;
    }

    private Account caller() {
        String name = session.getCallerPrincipal().getName();
        return RequestCaller.of(requestCaller, name)
                .or(() -> directory.findAccount(name))
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }

    /** One auction's waiting bids, and whether a batch of it is being decided. */
    static final class Lane {
        private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
        private boolean busy;

        /**
         * Puts the bid in the queue.
         *
         * @return whether its thread leads the next batch (the lane was idle)
         */
        synchronized boolean join(Ticket t) {
            waiting.add(t);
            if (busy) {
                return false;
            }
            busy = true;
            return true;
        }

        /** The oldest waiting bids, at most {@code max}: the leader's own is the first. */
        synchronized List<Ticket> take(int max) {
            List<Ticket> batch = new ArrayList<>(Math.min(max, waiting.size()));
            while (batch.size() < max && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            return batch;
        }

        /**
         * Takes an undecided bid out of the queue, unless it is in a batch already or its thread
         * was just handed the lane (then it must lead).
         */
        synchronized boolean withdraw(Ticket t) {
            return !t.wasWoken() && waiting.remove(t);
        }

        /**
         * The batch is decided: the oldest waiting bid's thread leads the next, if there is one.
         */
        synchronized void handOver() {
            Ticket next = waiting.peek();
            if (next == null) {
                busy = false;
            } else {
                next.lead();
            }
        }
    }

    /** One bid on its way through a lane: waits until it is decided or its thread is to lead. */
    static final class Ticket {
        private final Auctions.BidRequest request;
        private final CountDownLatch woken = new CountDownLatch(1);
        private volatile Auctions.BidDecision decision;
        private volatile Throwable failure;

        Ticket(Auctions.BidRequest request) {
            this.request = request;
        }

        Auctions.BidRequest request() {
            return request;
        }

        void lead() {
            woken.countDown();
        }

        void decided(Auctions.BidDecision d) {
            decision = Objects.requireNonNull(d);
            woken.countDown();
        }

        void fail(Throwable t) {
            failure = t;
            woken.countDown();
        }

        boolean isDecided() {
            return decision != null || failure != null;
        }

        /**
         * Waits to be decided or to lead. A bid still waiting in the lane after {@link
         * #WAIT_SECONDS} leaves it undecided and its request fails; one already in a batch waits
         * for that batch's answer.
         */
        void awaitTurn(Lane lane) {
            try {
                if (!woken.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    if (lane.withdraw(this)) {
                        throw new IllegalStateException(
                                "No turn for the bid within " + WAIT_SECONDS + " s");
                    }
                    woken.await();
                }
            } catch (InterruptedException e) {
                if (lane.withdraw(this)) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the bid waited", e);
                }
                // in a batch or handed the lane: its answer (or its turn) comes regardless
                while (true) {
                    try {
                        woken.await();
                        break;
                    } catch (InterruptedException again) {
                        // the flag is set again below
                    }
                }
                Thread.currentThread().interrupt();
            }
        }

        boolean wasWoken() {
            return woken.getCount() == 0;
        }

        BidAnswer answer() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (decision.failure() != null) {
                throw decision.failure();
            }
            return decision.answer();
        }
    }
}
