package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CatalogueCode;
import io.sunshine.directory.control.CatalogueFile;
import io.sunshine.directory.control.CatalogueFile.LineError;
import io.sunshine.directory.entity.CatalogueImport;
import io.sunshine.directory.entity.CatalogueItem;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The procurement catalogue (政府采购品目分类目录): public look-up by code, by code prefix or by a word of
 * the name, and the administrator's CSV import of the full table.
 *
 * <pre>{@code
 * catalogue.find("A02010105");            // 台式计算机, a leaf of A (goods)
 * catalogue.search("计算机", "A", 20);      // active items whose name holds the word
 * catalogue.search("A0201", null, 20);     // the subtree of 信息化设备
 * }</pre>
 */
@Stateless
@DeclareRoles("ADMIN")
public class Catalogue {
    /** The largest file the import takes (the full 2022 table is well under 1 MB). */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    public static final int MAX_PAGE = 200;
    private static final Pattern CODE_PREFIX = Pattern.compile("[ABCabc][0-9]{0,8}");

    @PersistenceContext EntityManager em;
    @EJB CatalogueImportSteps steps;
    @EJB CatalogueImporter importer;
    @EJB AuditTrail audit;
    @Resource SessionContext session;
    @Inject Clock clock;

    /** The item of that code, active or not, if the catalogue has it. */
    @PermitAll
    public Optional<CatalogueItemView> find(String code) {
        Optional<CatalogueCode> c = CatalogueCode.parse(code);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        CatalogueItem item = em.find(CatalogueItem.class, c.get().value());
        return Optional.ofNullable(item).map(i -> views(List.of(i)).get(0));
    }

    /**
     * Active items matching a code prefix ({@code A0201}) or a word of the name ({@code 计算机}),
     * optionally of one category, ordered by code; at most {@code max} (1 to {@value #MAX_PAGE}).
     */
    @PermitAll
    public List<CatalogueItemView> search(String query, String category, int max) {
        return page(query, category, null, true, 0, max).items();
    }

    /**
     * A page of items matching the query (as {@link #search}), the category and the parent (its
     * direct children only), active or not unless {@code activeOnly}.
     */
    @PermitAll
    public CataloguePage page(
            String query, String category, String parent, boolean activeOnly, int first, int max) {
        String cat = category(category);
        String parentCode = null;
        if (parent != null && !parent.isBlank()) {
            parentCode =
                    CatalogueCode.parse(parent)
                            .map(CatalogueCode::value)
                            .orElseThrow(
                                    () ->
                                            new Refusal(
                                                    ProblemCode.CATALOGUE_CODE_INVALID,
                                                    "parent",
                                                    abbreviate(parent)));
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "q", "q");
        }
        // Native SQL, not JPQL: EclipseLink writes a JPQL boolean as 1 for H2, which H2 2.x
        // will not compare with a BOOLEAN column (eclipse-ee4j/eclipselink#1578); "active = TRUE"
        // is the same SQL on H2 and PostgreSQL.
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!q.isEmpty()) {
            if (CODE_PREFIX.matcher(q).matches()) {
                args.add(q.toUpperCase(Locale.ROOT) + "%");
                where.append(" AND code LIKE ?").append(args.size());
            } else {
                args.add("%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
                where.append(" AND LOWER(name) LIKE ?").append(args.size()).append(" ESCAPE '\\'");
            }
        }
        if (cat != null) {
            args.add(cat);
            where.append(" AND category = ?").append(args.size());
        }
        if (parentCode != null) {
            args.add(parentCode);
            where.append(" AND parent_code = ?").append(args.size());
        }
        if (activeOnly) {
            where.append(" AND active = TRUE");
        }
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM catalogue_item" + where);
        Query items =
                em.createNativeQuery(
                        "SELECT * FROM catalogue_item" + where + " ORDER BY code",
                        CatalogueItem.class);
        for (int i = 0; i < args.size(); i++) {
            count.setParameter(i + 1, args.get(i));
            items.setParameter(i + 1, args.get(i));
        }
        int from = Math.max(0, first);
        @SuppressWarnings("unchecked")
        List<CatalogueItem> found =
                items.setFirstResult(from)
                        .setMaxResults(Math.min(Math.max(1, max), MAX_PAGE))
                        .getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new CataloguePage(total, from, views(found));
    }

    private List<CatalogueItemView> views(List<CatalogueItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<String> withChildren =
                new HashSet<>(
                        em.createQuery(
                                        "SELECT DISTINCT i.parentCode FROM CatalogueItem i WHERE"
                                                + " i.parentCode IN :codes",
                                        String.class)
                                .setParameter(
                                        "codes",
                                        items.stream().map(CatalogueItem::getCode).toList())
                                .getResultList());
        return items.stream()
                .map(
                        i ->
                                new CatalogueItemView(
                                        i.getCode(),
                                        i.getName(),
                                        i.getCategory(),
                                        i.getParentCode(),
                                        !withChildren.contains(i.getCode()),
                                        i.isActive()))
                .toList();
    }

    /**
     * Accepts a CSV file of the catalogue ({@code code,name,parent}) and starts its import in the
     * background; the job is followed with {@link #importJob}.
     */
    @RolesAllowed("ADMIN")
    public long startImport(String csv, CatalogueImport.Mode mode) {
        if (csv == null || csv.isBlank()) {
            throw new Refusal(ProblemCode.CATALOGUE_FILE_EMPTY, "file");
        }
        long bytes = csv.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FILE_BYTES) {
            throw new Refusal(
                    ProblemCode.CATALOGUE_FILE_TOO_LARGE,
                    "file",
                    String.valueOf(MAX_FILE_BYTES / 1024 / 1024));
        }
        // one import at a time: two writing the same new codes would collide. A job left open by
        // an instance that stopped mid-way no longer blocks after an hour.
        List<Long> open =
                em.createQuery(
                                "SELECT j.id FROM CatalogueImport j WHERE j.status IN :open AND"
                                        + " j.requestedAt > :since ORDER BY j.id",
                                Long.class)
                        .setParameter(
                                "open",
                                List.of(
                                        CatalogueImport.Status.QUEUED,
                                        CatalogueImport.Status.VALIDATING,
                                        CatalogueImport.Status.WRITING))
                        .setParameter("since", clock.instant().minus(Duration.ofHours(1)))
                        .getResultList();
        if (!open.isEmpty()) {
            throw new Refusal(
                    ProblemCode.CATALOGUE_IMPORT_RUNNING, null, String.valueOf(open.get(0)));
        }
        CatalogueImport.Mode m = mode == null ? CatalogueImport.Mode.MERGE : mode;
        String by = session.getCallerPrincipal().getName();
        // committed at once, so that the background run finds it whatever this transaction does
        long id = steps.create(m, bytes, by);
        audit.record(
                "CATALOGUE_IMPORT_STARTED",
                "CatalogueImport",
                String.valueOf(id),
                null,
                "mode=" + m + "; bytes=" + bytes);
        importer.run(id, csv);
        return id;
    }

    @RolesAllowed("ADMIN")
    public CatalogueImportView importJob(long id) {
        CatalogueImport job = em.find(CatalogueImport.class, id);
        if (job == null) {
            throw new Refusal(ProblemCode.CATALOGUE_IMPORT_NOT_FOUND, "id", String.valueOf(id));
        }
        List<LineError> errors =
                job.getStatus() != CatalogueImport.Status.REFUSED
                        ? List.of()
                        : em
                                .createNativeQuery(
                                        "SELECT line_no, field, reason, bad_value, other_line"
                                                + " FROM catalogue_import_error WHERE import_id ="
                                                + " ?1 ORDER BY seq")
                                .setParameter(1, id)
                                .getResultList()
                                .stream()
                                .map(Catalogue::lineError)
                                .toList();
        return CatalogueImportView.of(job, errors);
    }

    private static LineError lineError(Object row) {
        Object[] r = (Object[]) row;
        return new LineError(
                ((Number) r[0]).intValue(),
                (String) r[1],
                CatalogueFile.Reason.valueOf((String) r[2]),
                (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue());
    }

    /** The number of items, for the page's heading and the seed check. */
    @PermitAll
    public long size() {
        return em.createQuery("SELECT COUNT(i) FROM CatalogueItem i", Long.class).getSingleResult();
    }

    private static String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String c = category.strip().toUpperCase(Locale.ROOT);
        if (!c.equals("A") && !c.equals("B") && !c.equals("C")) {
            throw new Refusal(
                    ProblemCode.CATALOGUE_CATEGORY_INVALID, "category", abbreviate(category));
        }
        return c;
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
