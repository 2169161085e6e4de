package io.sunshine.procurement.ocds.boundary;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.procurement.award.entity.Award;
import io.sunshine.procurement.award.entity.AwardRung;
import io.sunshine.procurement.contract.entity.Contract;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.ocds.control.Notice;
import io.sunshine.procurement.ocds.control.NoticeMapping;
import io.sunshine.procurement.ocds.control.Organization;
import io.sunshine.procurement.ocds.control.PackageHeader;
import io.sunshine.procurement.ocds.control.ProcurementProject;
import io.sunshine.procurement.ocds.control.Publisher;
import io.sunshine.procurement.ocds.control.ReleaseBuilder;
import io.sunshine.procurement.ocds.control.ReleaseQuery;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.requirement.entity.Requirement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's open data in OCDS 1.1: every published notice as a release, every contracting
 * process as a record. Public, read-only.
 *
 * <h2>One ocid per contracting process, from the intention on</h2>
 *
 * A process begins with the procurement intention (采购意向) of an approved requirement, before any
 * project exists, and continues with the project opened from it. Both must carry one ocid, so the
 * ocid (after the configured prefix) is a <em>process id</em> chosen thus:
 *
 * <ul>
 *   <li>an intention notice: the reference of its requirement ({@code XQ-2026-000050});
 *   <li>a project: the reference of its first requirement (lowest id), so its releases join the
 *       intention's; unless an earlier published project already carried that requirement (the
 *       earlier one was terminated and the requirement procured again): a new tender is a new
 *       contracting process, and the project's own reference ({@code SZCG-2026-000150}) is used.
 * </ul>
 *
 * A project opened from several requirements continues the process of its first one only; the
 * intentions of the others stay processes of their own that end at planning. The requirement and
 * project references come from separate number series ({@code XQ-}, {@code SZCG-}), so a process id
 * names exactly one of them. The tender id is always the project reference.
 *
 * <h2>Configuration (MicroProfile Config)</h2>
 *
 * <ul>
 *   <li>{@code sunshine.ocds.prefix}: the ocid prefix registered for the deployment with the OCDS
 *       helpdesk, {@code ocds-} and six characters; default {@value #DEFAULT_PREFIX}, a placeholder
 *       that must be replaced before the data are announced;
 *   <li>{@code sunshine.ocds.publisher.name}, {@code sunshine.ocds.publisher.uri}: who publishes;
 *   <li>{@code sunshine.ocds.license}, {@code sunshine.ocds.publication-policy}: optional URLs.
 * </ul>
 *
 * Releases are built on each request from the stored notices (which never change), so the same
 * notice always yields the same release.
 */
@Stateless
@PermitAll
public class OpenData {
    static final String DEFAULT_PREFIX = "ocds-xxxxxx";

    @PersistenceContext EntityManager em;

    @Inject
    @ConfigProperty(name = "sunshine.ocds.prefix", defaultValue = DEFAULT_PREFIX)
    String prefix;

    @Inject
    @ConfigProperty(name = "sunshine.ocds.publisher.name", defaultValue = "阳光采购平台")
    String publisherName;

    @Inject
    @ConfigProperty(name = "sunshine.ocds.publisher.uri")
    Optional<String> publisherUri;

    @Inject
    @ConfigProperty(name = "sunshine.ocds.license")
    Optional<String> license;

    @Inject
    @ConfigProperty(name = "sunshine.ocds.publication-policy")
    Optional<String> publicationPolicy;

    private ReleaseBuilder builder;

    /** One page of releases, oldest first, and whether another page follows. */
    public record ReleasePage(List<JsonObject> releases, boolean more) {}

    @PostConstruct
    void init() {
        builder = new ReleaseBuilder(prefix.strip()); // refuses a malformed prefix
    }

    /** The package metadata: the configured publisher, this package's address and date. */
    public PackageHeader header(URI uri, Instant publishedDate) {
        return new PackageHeader(
                uri,
                publishedDate,
                new Publisher(
                        publisherName, null, null, publisherUri.map(URI::create).orElse(null)),
                license.map(URI::create).orElse(null),
                publicationPolicy.map(URI::create).orElse(null));
    }

    /** The releases published in the query's window, one page of them, oldest first. */
    public ReleasePage releases(ReleaseQuery q) {
        StringBuilder jpql =
                new StringBuilder("SELECT n FROM PublishedNotice n WHERE n.type IN :types");
        if (q.since() != null) {
            jpql.append(" AND n.publishedAt >= :since");
        }
        if (q.until() != null) {
            jpql.append(" AND n.publishedAt < :until");
        }
        jpql.append(" ORDER BY n.publishedAt, n.id");
        TypedQuery<PublishedNotice> query =
                em.createQuery(jpql.toString(), PublishedNotice.class)
                        .setParameter("types", NoticeMapping.MAPPED)
                        .setFirstResult(Math.toIntExact(q.offset()))
                        .setMaxResults(q.size() + 1);
        if (q.since() != null) {
            query.setParameter("since", q.since());
        }
        if (q.until() != null) {
            query.setParameter("until", q.until());
        }
        List<PublishedNotice> rows = query.getResultList();
        boolean more = rows.size() > q.size();
        Lookups lookups = new Lookups();
        List<JsonObject> releases = new ArrayList<>();
        for (PublishedNotice n : more ? rows.subList(0, q.size()) : rows) {
            lookups.release(n).ifPresent(releases::add);
        }
        return new ReleasePage(releases, more);
    }

    /** The release of one notice, by its id (the notice number). */
    public Optional<JsonObject> release(String releaseId) {
        return em.createQuery(
                        "SELECT n FROM PublishedNotice n WHERE n.noticeNo = :no AND n.type IN"
                                + " :types",
                        PublishedNotice.class)
                .setParameter("no", releaseId)
                .setParameter("types", NoticeMapping.MAPPED)
                .getResultStream()
                .findFirst()
                .flatMap(n -> new Lookups().release(n));
    }

    /**
     * Every release of one contracting process, oldest first; empty when the ocid names no process
     * with a published notice.
     */
    public List<JsonObject> process(String ocid) {
        Optional<String> id = builder.processId(ocid);
        if (id.isEmpty()) {
            return List.of();
        }
        String processId = id.get();
        List<PublishedNotice> notices = new ArrayList<>();
        Optional<Requirement> requirement =
                em.createQuery(
                                "SELECT r FROM Requirement r WHERE r.reference = :ref",
                                Requirement.class)
                        .setParameter("ref", processId)
                        .getResultStream()
                        .findFirst();
        Optional<Project> project;
        if (requirement.isPresent()) {
            notices.addAll(
                    em.createQuery(
                                    "SELECT n FROM PublishedNotice n WHERE n.requirementId = :r"
                                            + " AND n.type = :t",
                                    PublishedNotice.class)
                            .setParameter("r", requirement.get().getId())
                            .setParameter("t", NoticeType.INTENTION)
                            .getResultList());
            project =
                    em.createQuery(
                                    "SELECT p FROM Project p JOIN p.requirements r WHERE r = :r"
                                            + " AND p.publishedAt IS NOT NULL ORDER BY p.id",
                                    Project.class)
                            .setParameter("r", requirement.get())
                            .setMaxResults(1)
                            .getResultStream()
                            .findFirst();
        } else {
            project =
                    em.createQuery(
                                    "SELECT p FROM Project p WHERE p.reference = :ref",
                                    Project.class)
                            .setParameter("ref", processId)
                            .getResultStream()
                            .findFirst();
        }
        if (project.isPresent() && processId(project.get()).equals(processId)) {
            notices.addAll(
                    em.createQuery(
                                    "SELECT n FROM PublishedNotice n WHERE n.projectId = :p",
                                    PublishedNotice.class)
                            .setParameter("p", project.get().getId())
                            .getResultList());
        }
        notices.sort(
                Comparator.comparing(PublishedNotice::getPublishedAt)
                        .thenComparing(PublishedNotice::getId));
        Lookups lookups = new Lookups();
        List<JsonObject> releases = new ArrayList<>();
        for (PublishedNotice n : notices) {
            if (NoticeMapping.MAPPED.contains(n.getType())) {
                lookups.release(n).ifPresent(releases::add);
            }
        }
        return releases;
    }

    /** The process id of a project: see the class comment. */
    String processId(Project p) {
        if (p.getRequirements().isEmpty()) {
            return p.getReference();
        }
        Requirement first = p.getRequirements().get(0);
        long earlier =
                em.createQuery(
                                "SELECT COUNT(q) FROM Project q JOIN q.requirements r WHERE r = :r"
                                        + " AND q.id < :id AND q.publishedAt IS NOT NULL",
                                Long.class)
                        .setParameter("r", first)
                        .setParameter("id", p.getId())
                        .getSingleResult();
        return earlier == 0 ? first.getReference() : p.getReference();
    }

    /** What the notices of one request refer to, each read once. */
    private final class Lookups implements NoticeMapping.Sources {
        private final Map<Long, ProcurementProject> projects = new HashMap<>();
        private final Map<Long, String> noticeNumbers = new HashMap<>();

        Optional<JsonObject> release(PublishedNotice n) {
            Optional<Notice> notice = NoticeMapping.notice(n, this);
            return notice.map(builder::build);
        }

        @Override
        public ProcurementProject project(long projectId) {
            return projects.computeIfAbsent(
                    projectId,
                    id -> {
                        Project p = em.find(Project.class, id);
                        return NoticeMapping.project(p, processId(p));
                    });
        }

        @Override
        public Requirement requirement(long requirementId) {
            return em.find(Requirement.class, requirementId);
        }

        @Override
        public List<Notice.AwardedLot> awardedLots(PublishedNotice award) {
            return awards(award).stream()
                    .map(
                            w ->
                                    new Notice.AwardedLot(
                                            String.valueOf(w.getLotNo()),
                                            NoticeMapping.organization(w.getSupplier()),
                                            w.getAmount()))
                    .toList();
        }

        @Override
        public List<Organization> tenderers(PublishedNotice award) {
            Map<Long, Organization> bidders = new java.util.LinkedHashMap<>();
            for (Award w : awards(award)) {
                for (AwardRung r : w.getRanking()) {
                    bidders.computeIfAbsent(
                            r.getSupplierId(),
                            id -> NoticeMapping.organization(em.find(Organisation.class, id)));
                }
            }
            return List.copyOf(bidders.values());
        }

        @Override
        public Optional<NoticeMapping.SignedContract> contract(PublishedNotice contractNotice) {
            return em.createQuery("SELECT c FROM Contract c WHERE c.notice.id = :n", Contract.class)
                    .setParameter("n", contractNotice.getId())
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst()
                    .map(
                            c ->
                                    new NoticeMapping.SignedContract(
                                            c.getContractNo(),
                                            c.getAward().getNotice(),
                                            c.getLotNo(),
                                            c.getAmount(),
                                            c.getSignedAt()));
        }

        private List<Award> awards(PublishedNotice notice) {
            return em.createQuery(
                            "SELECT w FROM Award w WHERE w.notice.id = :n ORDER BY w.lotNo",
                            Award.class)
                    .setParameter("n", notice.getId())
                    .getResultList();
        }

        /**
         * The notice a correction names; one without a reference corrects the project's procurement
         * notice.
         */
        @Override
        public String correctedNoticeNo(PublishedNotice correction) {
            Long id = correction.getCorrectsId();
            if (id != null) {
                return noticeNumbers.computeIfAbsent(
                        id, k -> em.find(PublishedNotice.class, k).getNoticeNo());
            }
            return em.createQuery(
                            "SELECT n.noticeNo FROM PublishedNotice n WHERE n.projectId = :p AND"
                                    + " n.type IN :types ORDER BY n.publishedAt, n.id",
                            String.class)
                    .setParameter("p", correction.getProjectId())
                    .setParameter(
                            "types", List.of(NoticeType.PROCUREMENT, NoticeType.SINGLE_SOURCE))
                    .setMaxResults(1)
                    .getSingleResult();
        }
    }
}
