package io.sunshine.procurement.auction.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.platform.control.DocumentStore;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.auction.control.AuctionAuditDocument;
import io.sunshine.procurement.auction.control.AuctionResult;
import io.sunshine.procurement.auction.control.BidChain;
import io.sunshine.procurement.auction.entity.Auction;
import io.sunshine.procurement.auction.entity.AuctionLogEntry;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The auction's audit document (竞价过程记录) and its bid log for the monitors. At the close, in the
 * closing transaction, the document is rendered once from the log and stored with its SHA-256 on
 * the auction; if it cannot be made (the font is missing, the store cannot be written) the close
 * rolls back and the closer tries again, so no auction ever closes without its document.
 *
 * <p>Who may read: the project's agency and buyer organisations, SUPERVISOR, FINANCE and ADMIN. Any
 * other caller (a supplier, another agency or unit) is told "not found", and the refusal is
 * audited.
 */
@Stateless
@DeclareRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
public class AuctionAudit {
    /** Debian's fonts-wqy-zenhei, the default of {@code sunshine.pdf.font}. */
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    static final String STORE_AREA = "auction";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(AuctionAuditDocument.SHANGHAI);

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB AuditTrail audit;
    @Resource SessionContext session;
    @Resource TransactionSynchronizationRegistry transactions;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "sunshine.storage.dir")
    Optional<String> storageDir;

    @Inject
    @ConfigProperty(name = "sunshine.pdf.font", defaultValue = DEFAULT_FONT)
    String font;

    /** A stored audit document with its recorded SHA-256, for download. */
    public record Pdf(String fileName, byte[] bytes, String sha256) {}

    /** The bid log as stored: every entry with the hash the engine gave it. */
    public record LogView(
            long auctionId, String genesis, int count, String lastHash, List<Entry> entries) {
        /**
         * @param at the server instant exactly as hashed (ISO-8601, UTC)
         */
        public record Entry(
                int seq, String at, String alias, String amount, String outcome, String hash) {}
    }

    /**
     * The chain recomputed from the database.
     *
     * @param intact every entry's hash recomputes, their number is the auction's log count and the
     *     last is the auction's last hash
     * @param brokenAt the first entry that does not match, or null
     * @param lastHash the auction's recorded last hash
     * @param documentSha256 the audit document's recorded SHA-256 (null before the close)
     * @param documentIntact whether the stored document still has it
     */
    public record Verification(
            long auctionId,
            boolean intact,
            int entries,
            int recordedCount,
            String lastHash,
            Integer brokenAt,
            String documentSha256,
            boolean documentIntact) {}

    /**
     * Renders and stores the document of an auction just closed; called by {@link Auctions#close}
     * under the auction row's lock, in its transaction.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void produce(Auction a, AuctionResult result) {
        List<AuctionLogEntry> rows = rows(a);
        Project p = a.getProject();
        ProjectLot lot = p.lot(a.getLotNo());
        AuctionAuditDocument.Result stated;
        if (result instanceof AuctionResult.Awarded w) {
            long winner = w.winner().bidder();
            // the alias the winning bid was logged under
            String alias =
                    rows.stream()
                            .filter(
                                    r ->
                                            r.getBidderId() == winner
                                                    && "ACCEPTED".equals(r.getOutcome()))
                            .map(AuctionLogEntry::getAlias)
                            .reduce((first, later) -> later)
                            .orElse("—");
            Organisation o = em.find(Organisation.class, winner);
            stated =
                    new AuctionAuditDocument.Awarded(
                            alias, o == null ? "—" : o.getName(), w.winner().amount(), w.saving());
        } else {
            AuctionResult.Failed f = (AuctionResult.Failed) result;
            stated = new AuctionAuditDocument.Failed(f.qualified(), f.bidders(), f.minimum());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuctionAuditDocument.Facts facts =
                new AuctionAuditDocument.Facts(
                        a.getId(),
                        p.getReference(),
                        p.getTitle(),
                        a.getLotNo(),
                        lot == null ? null : lot.getTitle(),
                        p.getBuyer().getName(),
                        p.getAgency().getName(),
                        a.rules(),
                        a.getStartsAt(),
                        a.getScheduledClose(),
                        a.getClosesAt(),
                        a.getExtensions(),
                        a.getClosedAt(),
                        stated,
                        rows.stream()
                                .map(
                                        r ->
                                                new AuctionAuditDocument.Line(
                                                        r.getSeq(),
                                                        r.getLoggedAt(),
                                                        r.getAlias(),
                                                        r.getAmount(),
                                                        r.getOutcome(),
                                                        r.getHash()))
                                .toList(),
                        a.getLastHash(),
                        now);
        byte[] pdf = AuctionAuditDocument.render(facts, Path.of(font));
        DocumentStore store = store();
        DocumentStore.Stored stored = store.put(pdf);
        // the file exists only if the close commits: a rolled-back close leaves nothing on disk
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status != Status.STATUS_COMMITTED) {
                            store.delete(stored.storageName());
                        }
                    }
                });
        a.documented(stored.storageName(), stored.sha256(), stored.size());
        audit.recordFor(
                new AuditTrail.Actor(AuditTrail.SYSTEM, null, null),
                "AUCTION_AUDIT_DOCUMENT_PRODUCED",
                Auctions.SUBJECT,
                String.valueOf(a.getId()),
                null,
                "sha256="
                        + stored.sha256()
                        + "; entries="
                        + rows.size()
                        + "; lastHash="
                        + a.getLastHash());
    }

    /** The audit document of a closed auction, checked against its recorded SHA-256. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public Pdf document(long auctionId) {
        Auction a = monitored(auctionId, "audit document");
        if (a.getAuditStorageName() == null) {
            throw new Refusal(
                    ProblemCode.AUCTION_AUDIT_NOT_READY,
                    null,
                    String.valueOf(auctionId),
                    TIME.format(a.getClosesAt()),
                    a.getState());
        }
        byte[] bytes = stored(a);
        if (bytes == null || !DocumentStore.sha256(bytes).equals(a.getAuditSha256())) {
            audit.recordRefusal(
                    "AUCTION_AUDIT_DOCUMENT_DAMAGED",
                    Auctions.SUBJECT,
                    String.valueOf(auctionId),
                    null,
                    "recorded sha256=" + a.getAuditSha256());
            throw new Refusal(
                    ProblemCode.AUCTION_AUDIT_DOCUMENT_DAMAGED,
                    null,
                    String.valueOf(auctionId),
                    a.getAuditSha256());
        }
        audit.record(
                "AUCTION_AUDIT_DOCUMENT_DOWNLOADED",
                Auctions.SUBJECT,
                String.valueOf(auctionId),
                null,
                "sha256=" + a.getAuditSha256());
        Project p = a.getProject();
        return new Pdf(
                "竞价过程记录-" + p.getReference() + "-第" + a.getLotNo() + "包.pdf",
                bytes,
                a.getAuditSha256());
    }

    /** Every entry of the bid log, as stored and hashed. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public LogView log(long auctionId) {
        Auction a = monitored(auctionId, "bid log");
        List<LogView.Entry> entries =
                rows(a).stream()
                        .map(
                                r ->
                                        new LogView.Entry(
                                                r.getSeq(),
                                                r.getLoggedAt().toString(),
                                                r.getAlias(),
                                                r.getAmount(),
                                                r.getOutcome(),
                                                r.getHash()))
                        .toList();
        return new LogView(a.getId(), BidChain.GENESIS, a.getLogCount(), a.getLastHash(), entries);
    }

    /**
     * Recomputes the log's chain from the database, compares it with the auction's log count and
     * last hash, and re-hashes the stored document against its recorded SHA-256.
     */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public Verification verification(long auctionId) {
        Auction a = monitored(auctionId, "bid log verification");
        List<AuctionLogEntry> rows = rows(a);
        List<BidChain.Entry> entries =
                rows.stream()
                        .map(
                                r ->
                                        new BidChain.Entry(
                                                r.getSeq(),
                                                r.getLoggedAt().toString(),
                                                r.getAlias(),
                                                r.getAmount(),
                                                r.getOutcome()))
                        .toList();
        List<String> hashes = rows.stream().map(AuctionLogEntry::getHash).toList();
        long broken = BidChain.firstBroken(entries, hashes);
        String last = hashes.isEmpty() ? BidChain.GENESIS : hashes.get(hashes.size() - 1);
        if (broken == 0 && rows.size() != a.getLogCount()) {
            // rows missing at the end (or added after it): the first seq that is not as recorded
            broken = Math.min(rows.size(), a.getLogCount()) + 1L;
        } else if (broken == 0 && !last.equals(a.getLastHash())) {
            broken = Math.max(rows.size(), 1);
        }
        boolean documentIntact = false;
        if (a.getAuditStorageName() != null) {
            byte[] bytes = stored(a);
            documentIntact =
                    bytes != null && DocumentStore.sha256(bytes).equals(a.getAuditSha256());
        }
        Verification v =
                new Verification(
                        a.getId(),
                        broken == 0,
                        rows.size(),
                        a.getLogCount(),
                        a.getLastHash(),
                        broken == 0 ? null : (int) broken,
                        a.getAuditSha256(),
                        documentIntact);
        audit.record(
                "AUCTION_LOG_VERIFIED",
                Auctions.SUBJECT,
                String.valueOf(auctionId),
                null,
                "intact="
                        + v.intact()
                        + "; brokenAt="
                        + v.brokenAt()
                        + "; entries="
                        + v.entries()
                        + "; documentIntact="
                        + documentIntact);
        return v;
    }

    // ---------------------------------------------------------------------------------------------

    /** The auction if the caller monitors it; otherwise "not found", and the refusal audited. */
    private Auction monitored(long auctionId, String what) {
        Account me =
                directory
                        .findAccount(session.getCallerPrincipal().getName())
                        .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
        Auction a = em.find(Auction.class, auctionId);
        if (a == null) {
            throw new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, String.valueOf(auctionId));
        }
        Project p = a.getProject();
        boolean monitor =
                session.isCallerInRole("SUPERVISOR")
                        || session.isCallerInRole("FINANCE")
                        || session.isCallerInRole("ADMIN")
                        || (session.isCallerInRole("AGENCY") || session.isCallerInRole("PURCHASER"))
                                && (p.getAgency().getId().equals(me.organisationId())
                                        || p.getBuyer().getId().equals(me.organisationId()));
        if (!monitor) {
            audit.recordRefusal(
                    "ACCESS_DENIED",
                    Auctions.SUBJECT,
                    String.valueOf(auctionId),
                    null,
                    what + " of an auction the caller does not monitor");
            throw new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, String.valueOf(auctionId));
        }
        return a;
    }

    private List<AuctionLogEntry> rows(Auction a) {
        return em.createQuery(
                        "SELECT e FROM AuctionLogEntry e WHERE e.auctionId = :a ORDER BY e.seq",
                        AuctionLogEntry.class)
                .setParameter("a", a.getId())
                .getResultList();
    }

    /** The stored bytes, or null when the file is gone. */
    private byte[] stored(Auction a) {
        try {
            return store().get(a.getAuditStorageName());
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private DocumentStore store() {
        return DocumentStore.area(storageDir, STORE_AREA);
    }
}
