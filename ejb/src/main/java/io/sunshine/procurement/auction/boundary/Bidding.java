package io.sunshine.procurement.auction.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.boundary.RequestCaller;
import io.sunshine.platform.boundary.CallerContext;
import io.sunshine.platform.control.Batcher;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.RefusalQueue;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
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
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where suppliers' bids enter the engine. Each auction has a lane (a {@link Batcher}): the bids
 * that arrive while a batch of that auction is being decided wait in it, in arrival order, and the
 * next batch — up to {@link #BATCH_MAX} of them — is decided by {@link Auctions#decide} in one
 * transaction under the auction row's lock. Once the batch is committed, each refused bid's record
 * joins the refusals of the whole platform waiting for the audit trail ({@link RefusalQueue}),
 * appended together in one transaction, and only then is the bidder answered. No thread of its own,
 * no timer: the bidders' own request threads do the work.
 *
 * <p>Why: a bid holds its auction's row lock from its first statement to its commit, and a refusal
 * takes the lock of the platform's one audit chain for a commit more. One by one, every bid paid
 * the whole round and every refusal of every auction queued on the one chain; in batches, a lock is
 * taken and a commit waited for once per batch. The rules, the order and the guarantees are those
 * of one bid at a time: each bid is decided in arrival order at its own server instant against the
 * auction as the bids before it left it, an accepted bid is durable before its bidder is told, a
 * refusal is in the audit trail before its bidder is told, and the row lock still orders the
 * batches of two instances sharing the database (each instance has its own lanes).
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

    /** How long a bid may wait for its batch to start before its request fails undecided. */
    private static final long WAIT_MILLIS = 60_000;

    private static final String KEY_FORM = "[A-Za-z0-9._:-]+";

    @EJB Auctions auctions;
    @EJB RefusalQueue refusals;
    @EJB Directory directory;
    @Resource SessionContext session;
    @Inject Instance<RequestCaller> requestCaller;
    @Inject Instance<CallerContext> callerContext;

    private final ConcurrentHashMap<Long, Batcher<Auctions.BidRequest, Auctions.BidDecision>>
            lanes = new ConcurrentHashMap<>();

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
        Auctions.BidRequest request =
                new Auctions.BidRequest(
                        me.organisationId(),
                        amountText,
                        key,
                        AuditTrail.Actor.of(me),
                        CallerContext.addressOf(callerContext));
        Batcher<Auctions.BidRequest, Auctions.BidDecision> lane =
                lanes.computeIfAbsent(
                        auctionId, id -> new Batcher<>(BATCH_MAX, WAIT_MILLIS, decideAll(id)));
        Auctions.BidDecision d = lane.submit(request);
        if (nowhereToBid(d) && lane.waiting() == 0) {
            // no auction, or not one taking bids: keep no lane for it (bids sent to made-up
            // numbers would otherwise leave one each behind)
            lanes.remove(auctionId, lane);
        }
        if (d.failure() != null) {
            throw d.failure();
        }
        if (d.audit() != null) {
            try {
                refusals.record(d.audit());
            } catch (RuntimeException e) {
                // the refusal stays in the auction's own log (and its audit document)
                LOG.log(
                        Level.SEVERE,
                        "A refused bid on auction "
                                + auctionId
                                + " is not in the audit trail (it is in the auction's log)",
                        e);
            }
        }
        return d.answer();
    }

    /**
     * Forgets a closed auction's lane (a bid still in it is answered all the same; a late bid makes
     * a new one, refused as ever — the lane orders bids, the row lock decides them — and dropped
     * again after its answer).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void closed(long auctionId) {
        lanes.remove(auctionId);
    }

    /** Whether the bid was refused because its auction does not exist or is not open. */
    static boolean nowhereToBid(Auctions.BidDecision d) {
        ProblemCode code =
                d.failure() instanceof Refusal r
                        ? r.code()
                        : d.answer() != null && !d.answer().accepted() ? d.answer().code() : null;
        return code == ProblemCode.AUCTION_NOT_FOUND || code == ProblemCode.AUCTION_NOT_OPEN;
    }

    /** An auction's batches, each in one transaction; should one fail, each bid in its own. */
    private Function<List<Auctions.BidRequest>, List<Auctions.BidDecision>> decideAll(
            long auctionId) {
        return Batcher.orEachAlone(
                batch -> auctions.decide(auctionId, batch),
                (size, e) ->
                        LOG.log(
                                Level.WARNING,
                                "A batch of "
                                        + size
                                        + " bids on auction "
                                        + auctionId
                                        + " failed; deciding them one by one",
                                e),
                e -> new Auctions.BidDecision(null, null, e));
    }

    private Account caller() {
        String name = session.getCallerPrincipal().getName();
        return RequestCaller.of(requestCaller, name)
                .or(() -> directory.findAccount(name))
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }
}
