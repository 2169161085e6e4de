package io.sunshine.procurement.auction.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.boundary.RequestCaller;
import io.sunshine.directory.entity.Role;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.auction.control.Aliases;
import io.sunshine.procurement.auction.control.AuctionResult;
import io.sunshine.procurement.auction.control.AuctionRules;
import io.sunshine.procurement.auction.control.AuctionSettings;
import io.sunshine.procurement.auction.control.AuctionState;
import io.sunshine.procurement.auction.control.Bid;
import io.sunshine.procurement.auction.control.BidAmount;
import io.sunshine.procurement.auction.control.BidChain;
import io.sunshine.procurement.auction.control.BidRule;
import io.sunshine.procurement.auction.control.Ranking;
import io.sunshine.procurement.auction.entity.Auction;
import io.sunshine.procurement.auction.entity.AuctionBid;
import io.sunshine.procurement.auction.entity.AuctionLogEntry;
import io.sunshine.procurement.award.boundary.Awards;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.BadConduct;
import io.sunshine.supervision.boundary.BadConductView;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reverse-auction engine. Every bid of an auction is decided under the auction row's lock
 * ({@code SELECT … FOR UPDATE}): bids of one auction are serialised by the database, so two
 * instances sharing it decide them in one order too. An accepted bid is written, with the auction's
 * new best price and close, in the same transaction as the answer is computed, so it is durable
 * before the bidder is told; a refused bid is written to the auction's log (and, once that is
 * committed, to the audit trail) and answered with its code, never thrown away. A retried request
 * with the same client key returns the first answer instead of making a second bid.
 */
@Stateless
@DeclareRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
public class Auctions {
    static final String SUBJECT = "Auction";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB AuditTrail audit;
    @EJB BadConduct badConduct;
    @EJB AuctionAudit auditDocument;
    @EJB Awards awards;
    @Resource SessionContext session;
    @Inject Clock clock;
    @Inject Event<AuctionChanged> changed;
    @Inject Instance<RequestCaller> requestCaller;

    /**
     * One auction per lot of a project published as a reverse auction, starting at the project's
     * auction start with the rules the agency set for the lot (the defaults for what it left out).
     * Called inside the publication's transaction.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void open(Project p) {
        for (ProjectLot lot : p.getLots()) {
            Money budget = Money.of(lot.getBudget());
            AuctionSettings settings = AuctionSettings.fromJson(lot.getAuctionRules());
            AuctionRules rules = settings.rules(budget);
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            em.persist(
                    new Auction(
                            p,
                            lot.getLotNo(),
                            rules,
                            p.getAuctionStart(),
                            p.getAuctionStart().plus(settings.length()),
                            HexFormat.of().formatHex(salt),
                            BidChain.GENESIS));
        }
    }

    /** The auctions of a project, by lot. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public List<Long> ofProject(long projectId) {
        return em.createQuery(
                        "SELECT a.id FROM Auction a WHERE a.project.id = :p ORDER BY a.lotNo",
                        Long.class)
                .setParameter("p", projectId)
                .getResultList();
    }

    /** Each lot's auction of a project: lot number → auction id. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public Map<Integer, Long> byLot(long projectId) {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        em.createQuery(
                        "SELECT a.lotNo, a.id FROM Auction a WHERE a.project.id = :p",
                        Object[].class)
                .setParameter("p", projectId)
                .getResultList()
                .forEach(r -> m.put((Integer) r[0], (Long) r[1]));
        return m;
    }

    /**
     * A bid waiting for its auction's next batch: the bidder (an organisation), the amount as
     * typed, the client key (already checked for form), and, for the audit trail, who sent it from
     * where.
     */
    public record BidRequest(
            long bidder,
            String amountText,
            String clientKey,
            AuditTrail.Actor actor,
            String clientAddress) {}

    /**
     * What a batch decided for one bid: an answer (accepted, repeated or refused — a refused one
     * with the audit record to append once the batch is committed), or the failure of the request
     * itself (an auction not found), which wrote nothing.
     */
    public record BidDecision(
            BidAnswer answer, AuditTrail.Pending audit, RuntimeException failure) {
        static BidDecision of(BidAnswer answer) {
            return new BidDecision(answer, null, null);
        }
    }

    /**
     * Decides a batch of bids on one auction, in the order given, in one transaction under the
     * auction row's lock ({@code SELECT … FOR UPDATE}). Each bid is decided as if alone, at its own
     * server instant, against the auction as the bids before it in the batch left it; the accepted
     * ones are written with the auction's new best price and close, every one (accepted or refused)
     * goes into the auction's hash-chained log, and all of it is committed before any bidder is
     * answered ({@link Bidding}, the only caller). Who may bid is read once per batch: the enrolled
     * suppliers, and each bidder's bad-conduct listing at the batch's first instant.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<BidDecision> decide(long auctionId, List<BidRequest> requests) {
        Auction a = em.find(Auction.class, auctionId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            Refusal none =
                    new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, String.valueOf(auctionId));
            return requests.stream().map(r -> new BidDecision(null, null, none)).toList();
        }
        Instant first = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Long> qualified = qualified(a);
        Map<Long, String> aliases =
                Aliases.assign(qualified, a.getAliasSalt().getBytes(StandardCharsets.US_ASCII));
        Map<Long, BadConductView> bans = null;
        // a closed auction stays closed whatever this instance's clock says: an instance whose
        // clock lags the one that closed it must not take a bid after the result
        boolean open =
                Auction.OPEN.equals(a.getState())
                        && a.getProject().getState() == ProjectState.PUBLISHED;
        AuctionState state = null;
        Map<String, BidAnswer> repeats = new HashMap<>();
        boolean accepted = false;
        List<BidDecision> decisions = new ArrayList<>(requests.size());
        for (BidRequest r : requests) {
            long bidder = r.bidder();
            String key = r.clientKey();
            if (key != null) {
                BidAnswer again = repeats.get(bidder + ":" + key);
                if (again == null) {
                    again = earlierAnswer(a, bidder, key).orElse(null);
                }
                if (again != null) {
                    decisions.add(BidDecision.of(again));
                    continue;
                }
            }
            // milliseconds: the instant is hashed into the log and must read back from the
            // database alike
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String typed = r.amountText() == null ? "" : r.amountText().strip();
            // an outsider gets no letter: that would shift the letters of the enrolled bidders
            String alias = aliases.getOrDefault(bidder, "未报名");
            if (!aliases.containsKey(bidder)) {
                decisions.add(
                        refuse(
                                a,
                                r,
                                now,
                                alias,
                                typed,
                                ProblemCode.BIDDER_NOT_QUALIFIED,
                                null,
                                List.of(a.getProject().getReference(), a.getLotNo())));
                continue;
            }
            if (bans == null) {
                bans =
                        badConduct.listingsAt(
                                requests.stream()
                                        .map(BidRequest::bidder)
                                        .filter(aliases::containsKey)
                                        .toList(),
                                first);
            }
            Optional<BadConductView> ban = Optional.ofNullable(bans.get(bidder));
            if (ban.isPresent()) {
                decisions.add(
                        refuse(
                                a,
                                r,
                                now,
                                alias,
                                typed,
                                ProblemCode.BIDDER_BLACKLISTED,
                                null,
                                List.of(
                                        ban.get().decisionReference(),
                                        ban.get().endsOn().toString())));
                continue;
            }
            if (!open) {
                decisions.add(
                        refuse(
                                a,
                                r,
                                now,
                                alias,
                                typed,
                                ProblemCode.AUCTION_NOT_OPEN,
                                null,
                                List.of(
                                        a.getStartsAt().toString(),
                                        a.getClosesAt().toString(),
                                        now.toString())));
                continue;
            }
            Money amount;
            try {
                amount = BidAmount.parse(r.amountText());
            } catch (Refusal e) {
                decisions.add(
                        refuse(
                                a,
                                r,
                                now,
                                alias,
                                abbreviate(typed),
                                e.code(),
                                e.field(),
                                List.of(e.args())));
                continue;
            }
            if (state == null) {
                // only the bids that decide this batch (the best; under the own-last rule each
                // bidder's own last) and the count: the work of a bid does not grow with the
                // auction
                state =
                        new AuctionState(
                                a.rules(),
                                a.getStartsAt(),
                                a.getClosesAt(),
                                a.getExtensions(),
                                decisive(a, requests),
                                a.getBidCount());
            }
            BidRule.Outcome outcome = BidRule.assess(state, bidder, amount, now);
            if (outcome instanceof BidRule.Refused no) {
                decisions.add(
                        refuse(
                                a,
                                r,
                                now,
                                alias,
                                amount.amount().toPlainString(),
                                no.code(),
                                "amount",
                                no.args()));
                continue;
            }
            BidRule.Accepted ok = (BidRule.Accepted) outcome;
            AuctionBid row =
                    new AuctionBid(
                            a.getId(), (int) ok.bid().seq(), bidder, amount.amount(), now, key);
            em.persist(row);
            state = ok.state();
            a.accepted(
                    state.best().orElseThrow().amount().amount(),
                    state.bidCount(),
                    state.close(),
                    state.extensions());
            log(a, now, bidder, alias, amount.amount().toPlainString(), "ACCEPTED");
            BidAnswer answer = answer(a, row, rankAfter(a, bidder, amount), ok.extended());
            if (key != null) {
                repeats.put(bidder + ":" + key, repeated(answer));
            }
            decisions.add(BidDecision.of(answer));
            accepted = true;
        }
        em.flush();
        if (accepted) {
            changed.fire(new AuctionChanged(a.getId()));
        }
        return decisions;
    }

    /** The open auctions whose close has passed at this instant, for the closer. */
    @PermitAll
    public List<Long> due(Instant at) {
        return em.createQuery(
                        "SELECT a.id FROM Auction a WHERE a.state = :open AND a.closesAt <= :at"
                                + " ORDER BY a.closesAt",
                        Long.class)
                .setParameter("open", Auction.OPEN)
                .setParameter("at", at)
                .setMaxResults(100)
                .getResultList();
    }

    /**
     * Closes one auction exactly once: under the row's lock, only while it is still OPEN and its
     * (possibly extended) close has passed on the platform clock. The lowest valid bid wins, with
     * the saving against the ceiling; with fewer qualified bidders than the rules' minimum it
     * fails, and says so. Two instances sharing the database cannot both close it: the second finds
     * it closed. The audit document is made in the same transaction ({@link AuctionAudit#produce}).
     *
     * @return whether this call closed it
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean close(long auctionId) {
        Auction a = em.find(Auction.class, auctionId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (a == null || !Auction.OPEN.equals(a.getState()) || now.isBefore(a.getClosesAt())) {
            return false;
        }
        List<Bid> bids = bids(a);
        List<Long> qualified = qualified(a);
        AuctionState state =
                new AuctionState(
                        a.rules(), a.getStartsAt(), a.getClosesAt(), a.getExtensions(), bids);
        AuctionResult result = AuctionResult.at(state, qualified.size());
        if (result instanceof AuctionResult.Awarded w) {
            a.awarded(
                    now,
                    w.winner().bidder(),
                    w.winner().amount().amount(),
                    w.saving().amount(),
                    qualified.size());
            awards.prepare(a, w);
            audit.recordFor(
                    new AuditTrail.Actor(AuditTrail.SYSTEM, null, null),
                    "AUCTION_AWARDED",
                    SUBJECT,
                    String.valueOf(a.getId()),
                    "state=OPEN",
                    "winner="
                            + w.winner().bidder()
                            + "; amount="
                            + w.winner().amount()
                            + "; saving="
                            + w.saving()
                            + "; bids="
                            + bids.size());
        } else {
            AuctionResult.Failed f = (AuctionResult.Failed) result;
            a.failed(now, qualified.size());
            awards.auctionFailed(a, f);
            audit.recordFor(
                    new AuditTrail.Actor(AuditTrail.SYSTEM, null, null),
                    "AUCTION_FAILED",
                    SUBJECT,
                    String.valueOf(a.getId()),
                    "state=OPEN",
                    "qualified="
                            + f.qualified()
                            + "; bidders="
                            + f.bidders()
                            + "; minimum="
                            + f.minimum());
        }
        auditDocument.produce(a, result);
        changed.fire(new AuctionChanged(a.getId()));
        return true;
    }

    /** The auction as the caller may see it. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public AuctionView get(long auctionId) {
        Account me = caller();
        Auction a = em.find(Auction.class, auctionId);
        if (a == null) {
            throw new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, String.valueOf(auctionId));
        }
        Optional<AuctionSnapshot.Viewer> viewer = viewer(me, a);
        if (viewer.isEmpty()) {
            audit.recordRefusal(
                    "ACCESS_DENIED",
                    SUBJECT,
                    String.valueOf(a.getId()),
                    null,
                    "not the caller's auction");
            throw new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, String.valueOf(auctionId));
        }
        return snapshot(a).viewFor(viewer.get(), clock.instant());
    }

    /**
     * Who a signed-in user may watch the auction as, for the live feed (whose handshake was
     * authenticated by the web tier and names the user): a monitor, a supplier, or nobody — then
     * the refusal is audited.
     */
    @PermitAll
    public Optional<AuctionSnapshot.Viewer> watcher(long auctionId, String username) {
        Optional<Account> me = directory.findAccount(username).filter(directory::canSignIn);
        Auction a = em.find(Auction.class, auctionId);
        Optional<AuctionSnapshot.Viewer> viewer =
                me.isEmpty() || a == null ? Optional.empty() : viewer(me.get(), a);
        if (viewer.isEmpty()) {
            audit.recordFor(
                    me.map(AuditTrail.Actor::of).orElse(new AuditTrail.Actor(username, null, null)),
                    "ACCESS_DENIED",
                    SUBJECT,
                    String.valueOf(auctionId),
                    null,
                    "live feed: not the caller's auction");
        }
        return viewer;
    }

    /**
     * The auction read once for every viewer of the live feed. No access check here: the feed hands
     * each watcher only {@link AuctionSnapshot#viewFor} of the viewer {@link #watcher} decided.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AuctionSnapshot> snapshot(long auctionId) {
        return Optional.ofNullable(em.find(Auction.class, auctionId)).map(this::snapshot);
    }

    private Optional<AuctionSnapshot.Viewer> viewer(Account me, Auction a) {
        Project p = a.getProject();
        Set<Role> roles = me.roles();
        boolean monitor =
                roles.contains(Role.SUPERVISOR)
                        || roles.contains(Role.FINANCE)
                        || roles.contains(Role.ADMIN)
                        || p.getAgency().getId().equals(me.organisationId())
                        || p.getBuyer().getId().equals(me.organisationId());
        if (monitor) {
            return Optional.of(AuctionSnapshot.Viewer.monitorView());
        }
        if (roles.contains(Role.SUPPLIER) && p.getState() != ProjectState.DRAFT) {
            return Optional.of(AuctionSnapshot.Viewer.supplierView(me.organisationId()));
        }
        return Optional.empty();
    }

    private AuctionSnapshot snapshot(Auction a) {
        Project p = a.getProject();
        List<Bid> bids = bids(a);
        List<Ranking.Rung> ladder = Ranking.of(bids);
        Map<Long, String> aliases = aliases(a, qualified(a), bids);
        Map<Long, String> names = new HashMap<>();
        if (!ladder.isEmpty()) {
            em.createQuery(
                            "SELECT o.id, o.name FROM Organisation o WHERE o.id IN :ids",
                            Object[].class)
                    .setParameter("ids", ladder.stream().map(Ranking.Rung::bidder).toList())
                    .getResultList()
                    .forEach(r -> names.put((Long) r[0], (String) r[1]));
        }
        return new AuctionSnapshot(
                a.getId(),
                p.getId(),
                p.getReference(),
                p.getTitle(),
                a.getLotNo(),
                a.getState(),
                a.getStartsAt(),
                a.getScheduledClose(),
                a.getClosesAt(),
                a.getExtensions(),
                a.rules(),
                a.getBidCount(),
                a.getBestAmount(),
                bids.isEmpty() ? null : bids.get(bids.size() - 1).acceptedAt(),
                bids,
                ladder,
                aliases,
                names,
                a.getClosedAt(),
                a.getWinnerId(),
                a.getWinningAmount(),
                a.getSaving(),
                a.getQualifiedCount(),
                a.getWinnerId() != null && awards.publishedFor(a.getId()));
    }

    // ---------------------------------------------------------------------------------------------

    private BidDecision refuse(
            Auction a,
            BidRequest r,
            Instant now,
            String alias,
            String amount,
            ProblemCode code,
            String field,
            List<Object> args) {
        log(a, now, r.bidder(), alias, amount.isEmpty() ? "—" : amount, code.name());
        return new BidDecision(
                BidAnswer.refused(code, field, args),
                new AuditTrail.Pending(
                        r.actor(),
                        r.clientAddress(),
                        "BID_REFUSED",
                        SUBJECT,
                        String.valueOf(a.getId()),
                        null,
                        "code=" + code + "; amount=" + amount),
                null);
    }

    private void log(
            Auction a, Instant now, long bidder, String alias, String amount, String outcome) {
        int seq = a.getLogCount() + 1;
        BidChain.Entry e = new BidChain.Entry(seq, now.toString(), alias, cut(amount, 60), outcome);
        String hash = BidChain.hash(a.getLastHash(), e);
        em.persist(
                new AuctionLogEntry(a.getId(), seq, now, bidder, alias, e.amount(), outcome, hash));
        a.logged(seq, hash);
    }

    private BidAnswer answer(Auction a, AuctionBid row, int rank, boolean extended) {
        boolean showBest = a.rules().visibility() == AuctionRules.Visibility.RANK_AND_BEST;
        return new BidAnswer(
                true,
                null,
                List.of(),
                null,
                row.getSeq(),
                row.getAmount(),
                rank,
                showBest ? a.getBestAmount() : null,
                a.getClosesAt(),
                extended,
                false);
    }

    private static BidAnswer repeated(BidAnswer first) {
        return new BidAnswer(
                true,
                null,
                List.of(),
                null,
                first.seq(),
                first.amount(),
                first.rank(),
                first.bestAmount(),
                first.closesAt(),
                first.extended(),
                true);
    }

    /** The answer to the bid this bidder already made with this client key, if any. */
    private Optional<BidAnswer> earlierAnswer(Auction a, long bidder, String key) {
        return em.createQuery(
                        "SELECT b FROM AuctionBid b WHERE b.auctionId = :a AND b.bidderId = :b"
                                + " AND b.clientKey = :k",
                        AuctionBid.class)
                .setParameter("a", a.getId())
                .setParameter("b", bidder)
                .setParameter("k", key)
                .getResultStream()
                .findFirst()
                .map(
                        b ->
                                repeated(
                                        answer(
                                                a,
                                                b,
                                                Ranking.rankOf(Ranking.of(bids(a)), bidder),
                                                false)));
    }

    /**
     * The best bid (the earlier of equal ones) and, under the own-last rule, the last bid of each
     * bidder of the batch, in order.
     */
    private List<Bid> decisive(Auction a, List<BidRequest> requests) {
        java.util.TreeMap<Integer, AuctionBid> rows = new java.util.TreeMap<>();
        em.createQuery(
                        "SELECT b FROM AuctionBid b WHERE b.auctionId = :a ORDER BY b.amount,"
                                + " b.seq",
                        AuctionBid.class)
                .setParameter("a", a.getId())
                .setMaxResults(1)
                .getResultStream()
                .forEach(b -> rows.put(b.getSeq(), b));
        if (a.rules().basis() == AuctionRules.Basis.OWN_LAST) {
            for (long bidder : requests.stream().map(BidRequest::bidder).distinct().toList()) {
                em.createQuery(
                                "SELECT b FROM AuctionBid b WHERE b.auctionId = :a AND b.bidderId"
                                        + " = :b ORDER BY b.seq DESC",
                                AuctionBid.class)
                        .setParameter("a", a.getId())
                        .setParameter("b", bidder)
                        .setMaxResults(1)
                        .getResultStream()
                        .forEach(b -> rows.put(b.getSeq(), b));
            }
        }
        return rows.values().stream()
                .map(
                        b ->
                                new Bid(
                                        b.getSeq(),
                                        b.getBidderId(),
                                        Money.of(b.getAmount()),
                                        b.getAcceptedAt()))
                .toList();
    }

    /**
     * The rank of a bid just accepted. Against the best price it is the lowest: first. Against
     * one's own last, one more than the other bidders who already bid as low (an equal price
     * accepted earlier ranks before).
     */
    private int rankAfter(Auction a, long bidder, Money amount) {
        if (a.rules().basis() == AuctionRules.Basis.BEST) {
            return 1;
        }
        long before =
                em.createQuery(
                                "SELECT COUNT(DISTINCT b.bidderId) FROM AuctionBid b WHERE"
                                        + " b.auctionId = :a AND b.bidderId <> :b AND b.amount <="
                                        + " :x",
                                Long.class)
                        .setParameter("a", a.getId())
                        .setParameter("b", bidder)
                        .setParameter("x", amount.amount())
                        .getSingleResult();
        return (int) before + 1;
    }

    private List<Bid> bids(Auction a) {
        return em.createQuery(
                        "SELECT b FROM AuctionBid b WHERE b.auctionId = :a ORDER BY b.seq",
                        AuctionBid.class)
                .setParameter("a", a.getId())
                .getResultStream()
                .map(
                        b ->
                                new Bid(
                                        b.getSeq(),
                                        b.getBidderId(),
                                        Money.of(b.getAmount()),
                                        b.getAcceptedAt()))
                .toList();
    }

    /** The suppliers enrolled in the lot (and not withdrawn): those who may bid. */
    private List<Long> qualified(Auction a) {
        return em.createQuery(
                        "SELECT e.supplier.id FROM Enrolment e WHERE e.project.id = :p AND"
                                + " e.lotNo = :l AND e.withdrawnAt IS NULL ORDER BY e.id",
                        Long.class)
                .setParameter("p", a.getProject().getId())
                .setParameter("l", a.getLotNo())
                .getResultList();
    }

    private Map<Long, String> aliases(Auction a, List<Long> qualified, List<Bid> bids) {
        List<Long> all = new ArrayList<>(qualified);
        bids.forEach(
                b -> {
                    if (!all.contains(b.bidder())) {
                        all.add(b.bidder());
                    }
                });
        return Aliases.assign(all, a.getAliasSalt().getBytes(StandardCharsets.US_ASCII));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private Account caller() {
        String name = session.getCallerPrincipal().getName();
        return RequestCaller.of(requestCaller, name)
                .or(() -> directory.findAccount(name))
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }
}
