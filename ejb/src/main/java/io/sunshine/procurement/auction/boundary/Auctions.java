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
    @Inject Event<BidRefused> refused;
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

    /** A supplier's bid: the amount as typed, and an optional client key for safe retries. */
    @RolesAllowed("SUPPLIER")
    public BidAnswer bid(long auctionId, String amountText, String clientKey) {
        Account me = caller();
        Auction a = em.find(Auction.class, auctionId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, String.valueOf(auctionId));
        }
        long bidder = me.organisationId();
        String key = clientKey == null || clientKey.isBlank() ? null : clientKey.strip();
        if (key != null && (key.length() > 64 || !key.matches("[A-Za-z0-9._:-]+"))) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "clientKey", "clientKey");
        }
        if (key != null) {
            Optional<AuctionBid> same =
                    em.createQuery(
                                    "SELECT b FROM AuctionBid b WHERE b.auctionId = :a AND"
                                            + " b.bidderId = :b AND b.clientKey = :k",
                                    AuctionBid.class)
                            .setParameter("a", a.getId())
                            .setParameter("b", bidder)
                            .setParameter("k", key)
                            .getResultStream()
                            .findFirst();
            if (same.isPresent()) {
                return answer(
                        a, same.get(), Ranking.rankOf(Ranking.of(bids(a)), bidder), false, true);
            }
        }
        // milliseconds: the instant is hashed into the log and must read back from the database
        // alike
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Long> qualified = qualified(a);
        // an outsider gets no letter: that would shift the letters of the enrolled bidders
        String alias = qualified.contains(bidder) ? aliasOf(a, qualified, bidder) : "未报名";
        String typed = amountText == null ? "" : amountText.strip();
        if (!qualified.contains(bidder)) {
            return refuse(
                    a,
                    now,
                    bidder,
                    alias,
                    typed,
                    ProblemCode.BIDDER_NOT_QUALIFIED,
                    null,
                    List.of(a.getProject().getReference(), a.getLotNo()));
        }
        var ban = badConduct.listingAt(bidder, now);
        if (ban.isPresent()) {
            return refuse(
                    a,
                    now,
                    bidder,
                    alias,
                    typed,
                    ProblemCode.BIDDER_BLACKLISTED,
                    null,
                    List.of(ban.get().decisionReference(), ban.get().endsOn().toString()));
        }
        // a closed auction stays closed whatever this instance's clock says: an instance whose
        // clock lags the one that closed it must not take a bid after the result
        if (!Auction.OPEN.equals(a.getState())
                || a.getProject().getState() != ProjectState.PUBLISHED) {
            return refuse(
                    a,
                    now,
                    bidder,
                    alias,
                    typed,
                    ProblemCode.AUCTION_NOT_OPEN,
                    null,
                    List.of(
                            a.getStartsAt().toString(),
                            a.getClosesAt().toString(),
                            now.toString()));
        }
        Money amount;
        try {
            amount = BidAmount.parse(amountText);
        } catch (Refusal r) {
            return refuse(
                    a,
                    now,
                    bidder,
                    alias,
                    abbreviate(typed),
                    r.code(),
                    r.field(),
                    List.of(r.args()));
        }
        // only the bids that decide this one (the best, the bidder's own last) and the count: the
        // work of a bid does not grow with the auction
        AuctionState state =
                new AuctionState(
                        a.rules(),
                        a.getStartsAt(),
                        a.getClosesAt(),
                        a.getExtensions(),
                        decisive(a, bidder),
                        a.getBidCount());
        BidRule.Outcome outcome = BidRule.assess(state, bidder, amount, now);
        if (outcome instanceof BidRule.Refused r) {
            return refuse(
                    a,
                    now,
                    bidder,
                    alias,
                    amount.amount().toPlainString(),
                    r.code(),
                    "amount",
                    r.args());
        }
        BidRule.Accepted ok = (BidRule.Accepted) outcome;
        AuctionBid row =
                new AuctionBid(a.getId(), (int) ok.bid().seq(), bidder, amount.amount(), now, key);
        em.persist(row);
        AuctionState after = ok.state();
        a.accepted(
                after.best().orElseThrow().amount().amount(),
                after.bidCount(),
                after.close(),
                after.extensions());
        log(a, now, bidder, alias, amount.amount().toPlainString(), "ACCEPTED");
        em.flush();
        changed.fire(new AuctionChanged(a.getId()));
        return answer(a, row, rankAfter(a, bidder, amount), ok.extended(), false);
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

    private BidAnswer refuse(
            Auction a,
            Instant now,
            long bidder,
            String alias,
            String amount,
            ProblemCode code,
            String field,
            List<Object> args) {
        log(a, now, bidder, alias, amount.isEmpty() ? "—" : amount, code.name());
        refused.fire(new BidRefused(a.getId(), code, amount));
        return BidAnswer.refused(code, field, args);
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

    private BidAnswer answer(
            Auction a, AuctionBid row, int rank, boolean extended, boolean repeated) {
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
                repeated);
    }

    /** The best bid (the earlier of equal ones) and the bidder's own last, in order. */
    private List<Bid> decisive(Auction a, long bidder) {
        java.util.TreeMap<Integer, AuctionBid> rows = new java.util.TreeMap<>();
        em.createQuery(
                        "SELECT b FROM AuctionBid b WHERE b.auctionId = :a ORDER BY b.amount,"
                                + " b.seq",
                        AuctionBid.class)
                .setParameter("a", a.getId())
                .setMaxResults(1)
                .getResultStream()
                .forEach(b -> rows.put(b.getSeq(), b));
        em.createQuery(
                        "SELECT b FROM AuctionBid b WHERE b.auctionId = :a AND b.bidderId = :b"
                                + " ORDER BY b.seq DESC",
                        AuctionBid.class)
                .setParameter("a", a.getId())
                .setParameter("b", bidder)
                .setMaxResults(1)
                .getResultStream()
                .forEach(b -> rows.put(b.getSeq(), b));
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

    private String aliasOf(Auction a, List<Long> qualified, long bidder) {
        List<Long> all = new ArrayList<>(qualified);
        if (!all.contains(bidder)) {
            all.add(bidder);
        }
        return Aliases.assign(all, a.getAliasSalt().getBytes(StandardCharsets.US_ASCII))
                .get(bidder);
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
