package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.boundary.DatabaseMigration;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.control.NoticeCursor;
import io.sunshine.procurement.notice.control.NoticeFilter;
import io.sunshine.procurement.notice.control.NoticeSearch;
import io.sunshine.procurement.notice.control.PeriodKind;
import io.sunshine.procurement.notice.control.SearchPlan;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectDocument;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The public portal of published notices (公告, Law art. 11: public without sign-in): the list with
 * its filters and Chinese full-text search, one notice in full with its project's current
 * deadlines, lots, documents and other notices, and the newest notices for the Atom feed.
 *
 * <p>The list pages by keyset ({@link NoticeCursor}): newest first in the order (published_at, id),
 * each page the rows strictly older than the last one shown, read from the V9 indexes, so a page
 * deep in a million notices costs what the first page costs. Search uses PostgreSQL's text search
 * ('simple' configuration over the stored bigram terms, GIN index, V9_1); on H2 (the demo) the same
 * terms are matched with LIKE, which scans but finds the same notices.
 *
 * <pre>{@code
 * NoticeView.Page first = portal.list(NoticeFilter.parse(null, null, null, null, null, null, "电脑"),
 *         null, null, 20);
 * NoticeView.Page next = portal.list(filter, NoticeCursor.decode(first.older(), "before"), null, 20);
 * }</pre>
 */
@Stateless
public class NoticePortal {
    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    @PersistenceContext EntityManager em;
    @EJB DatabaseMigration database;
    @EJB SearchStatistics statistics;

    /**
     * A page of published notices matching the filter, newest first.
     *
     * @param before the rows older than this (the next page); null for the first page
     * @param after the rows newer than this (the previous page); at most one of the two
     * @param size rows per page, 1 to {@value #MAX_PAGE}
     */
    @PermitAll
    public NoticeView.Page list(
            NoticeFilter filter, NoticeCursor before, NoticeCursor after, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new Refusal(ProblemCode.NOTICE_PAGE_SIZE_INVALID, "size", MAX_PAGE, size);
        }
        if (before != null && after != null) {
            throw new Refusal(ProblemCode.PARAMETER_CONFLICT, "after", "before", "after");
        }
        NoticeFilter f = filter == null ? NoticeFilter.NONE : filter;
        boolean backwards = after != null;
        List<Long> ids = ids(f, backwards ? after : before, backwards, size + 1);
        boolean more = ids.size() > size;
        if (more) {
            ids = ids.subList(0, size);
        }
        if (backwards) {
            ids = new ArrayList<>(ids);
            Collections.reverse(ids);
        }
        List<NoticeView.Summary> rows = summaries(ids);
        String older = null;
        String newer = null;
        if (!rows.isEmpty()) {
            // going back, the rows older than this page exist: the cursor came from one of them
            older = backwards || more ? rows.get(rows.size() - 1).cursor() : null;
            if (backwards) {
                newer = more ? rows.get(0).cursor() : null;
            } else {
                newer = before == null ? null : rows.get(0).cursor();
            }
        }
        return new NoticeView.Page(rows, older, newer);
    }

    /** The newest published notices of every kind, for the feed. */
    @PermitAll
    public List<NoticeView.Summary> newest(int max) {
        return list(NoticeFilter.NONE, null, null, Math.max(1, Math.min(max, MAX_PAGE))).notices();
    }

    /** One published notice in full, by its number (e.g. GG-2026-000150). */
    @PermitAll
    public NoticeView.Detail detail(String noticeNo) {
        String no = noticeNo == null ? "" : noticeNo.strip().toUpperCase(Locale.ROOT);
        List<PublishedNotice> found =
                no.isEmpty() || no.length() > 30
                        ? List.of()
                        : em.createQuery(
                                        "SELECT n FROM PublishedNotice n WHERE n.noticeNo = :no",
                                        PublishedNotice.class)
                                .setParameter("no", no)
                                .getResultList();
        if (found.isEmpty()) {
            String shown = noticeNo == null ? "" : noticeNo.strip();
            throw new Refusal(
                    ProblemCode.NOTICE_NOT_FOUND,
                    "noticeNo",
                    shown.length() > 40 ? shown.substring(0, 37) + "..." : shown);
        }
        PublishedNotice n = found.get(0);
        Project p = n.getProjectId() == null ? null : em.find(Project.class, n.getProjectId());
        NoticeView.Deadlines deadlines = null;
        List<NoticeView.Lot> lots = List.of();
        List<NoticeView.Document> documents = List.of();
        List<NoticeView.Related> related = List.of();
        if (p != null && p.getState() != ProjectState.DRAFT) {
            deadlines = deadlines(n, p);
            lots =
                    p.getLots().stream()
                            .map(
                                    l ->
                                            new NoticeView.Lot(
                                                    l.getLotNo(),
                                                    l.getTitle(),
                                                    l.getBudget(),
                                                    l.getBidSecurity(),
                                                    l.isSmeOnly(),
                                                    l.getQualification()))
                            .toList();
            documents =
                    em
                            .createQuery(
                                    "SELECT d FROM ProjectDocument d WHERE d.project.id = :p"
                                            + " ORDER BY d.id",
                                    ProjectDocument.class)
                            .setParameter("p", p.getId())
                            .getResultList()
                            .stream()
                            .map(
                                    d ->
                                            new NoticeView.Document(
                                                    d.getId(),
                                                    d.getFileName(),
                                                    d.getSha256(),
                                                    d.getSizeBytes()))
                            .toList();
            related =
                    em
                            .createQuery(
                                    "SELECT n FROM PublishedNotice n WHERE n.projectId = :p AND"
                                            + " n.id <> :self ORDER BY n.publishedAt, n.id",
                                    PublishedNotice.class)
                            .setParameter("p", p.getId())
                            .setParameter("self", n.getId())
                            .getResultList()
                            .stream()
                            .map(
                                    o ->
                                            new NoticeView.Related(
                                                    o.getNoticeNo(),
                                                    o.getType().name(),
                                                    o.getTitle(),
                                                    o.getPublishedAt()))
                            .toList();
        }
        return new NoticeView.Detail(
                n.getNoticeNo(),
                n.getType().name(),
                n.getTitle(),
                n.getBody(),
                n.getMethod() == null ? null : n.getMethod().name(),
                n.getCategory(),
                n.getBuyerId(),
                n.getBuyerName(),
                n.getAgencyName(),
                n.getBudget(),
                n.getPublishedAt(),
                n.getPublishedBy(),
                p == null ? null : p.getId(),
                p == null ? null : p.getReference(),
                p == null ? null : p.getState().name(),
                deadlines,
                lots,
                documents,
                related);
    }

    /**
     * The deadlines as the project has them now. A tender is opened at the bid deadline itself
     * (招标投标法 第34条: 开标应当在提交投标文件截止时间的同一时间公开进行), so its opening time is the deadline.
     */
    private static NoticeView.Deadlines deadlines(PublishedNotice n, Project p) {
        if (p.getBidDeadline() == null) {
            return null;
        }
        PeriodKind kind = PeriodKind.of(p.getMethod());
        Instant opening = kind == PeriodKind.TENDER ? p.getBidDeadline() : null;
        boolean corrected =
                n.getDeadline() != null && !n.getDeadline().equals(p.getBidDeadline())
                        || n.getAuctionStart() != null
                                && !n.getAuctionStart().equals(p.getAuctionStart());
        return new NoticeView.Deadlines(
                kind.name(), p.getBidDeadline(), opening, p.getAuctionStart(), corrected);
    }

    private boolean postgres() {
        return "postgresql".equals(database.vendor());
    }

    /** The ids of one page (plus one, to know whether there is more), in list order. */
    private List<Long> ids(NoticeFilter f, NoticeCursor cursor, boolean backwards, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.type() != null) {
            where.append(" AND n.notice_type = ").append(arg(args, f.type().name()));
        }
        if (f.method() != null) {
            where.append(" AND n.method = ").append(arg(args, f.method().name()));
        }
        if (f.buyerId() != null) {
            where.append(" AND n.buyer_id = ").append(arg(args, f.buyerId()));
        }
        if (f.buyerName() != null) {
            // the unit by (part of) its name: a few organisations, then their own index
            where.append(
                            " AND n.buyer_id IN (SELECT o.id FROM organisation o WHERE"
                                    + " LOWER(o.name) LIKE ")
                    .append(
                            arg(
                                    args,
                                    "%"
                                            + likeEscaped(f.buyerName().toLowerCase(Locale.ROOT))
                                            + "%"))
                    .append(" ESCAPE '\\')");
        }
        if (f.categoryLetter().isPresent()) {
            where.append(" AND n.category = ").append(arg(args, f.categoryLetter().get()));
        } else if (f.categoryPrefix() != null) {
            where.append(
                            " AND EXISTS (SELECT 1 FROM notice_catalogue c WHERE c.notice_id = n.id"
                                    + " AND c.catalogue_code LIKE ")
                    .append(arg(args, f.categoryPrefix() + "%"))
                    .append(")");
        }
        if (f.publishedFrom() != null) {
            where.append(" AND n.published_at >= ").append(arg(args, time(f.publishedFrom())));
        }
        if (f.publishedBefore() != null) {
            where.append(" AND n.published_at < ").append(arg(args, time(f.publishedBefore())));
        }
        NoticeSearch search = f.search();
        String match = null;
        if (search != null) {
            if (postgres()) {
                match =
                        "%1$s.search_vector @@ to_tsquery('simple', "
                                + arg(args, search.tsquery())
                                + ")";
            } else {
                StringBuilder like = new StringBuilder("1 = 1");
                for (String pattern : search.termPatterns()) {
                    like.append(" AND (' ' || %1$s.search_terms || ' ') LIKE ")
                            .append(arg(args, pattern))
                            .append(" ESCAPE '\\'");
                }
                match = like.toString();
            }
        }
        if (cursor != null) {
            String op = backwards ? ">" : "<";
            if (postgres()) {
                String t = arg(args, time(cursor.publishedAt()));
                String id = arg(args, cursor.id());
                // a row comparison: one range of the (…, published_at, id) index
                where.append(" AND (n.published_at, n.id) ")
                        .append(op)
                        .append(" (")
                        .append(t)
                        .append(", ")
                        .append(id)
                        .append(")");
            } else {
                where.append(" AND (n.published_at ")
                        .append(op)
                        .append(' ')
                        .append(arg(args, time(cursor.publishedAt())))
                        .append(" OR (n.published_at = ")
                        .append(arg(args, time(cursor.publishedAt())))
                        .append(" AND n.id ")
                        .append(op)
                        .append(' ')
                        .append(arg(args, cursor.id()))
                        .append("))");
            }
        }
        String dir = backwards ? "ASC" : "DESC";
        String order = " ORDER BY %1$s.published_at " + dir + ", %1$s.id " + dir;
        SearchPlan.Way way =
                match == null || !postgres()
                        ? SearchPlan.Way.PLANNER
                        : statistics.choose(search, limit);
        String query =
                switch (way) {
                    case PLANNER ->
                            "SELECT n.id FROM notice n"
                                    + where
                                    + (match == null ? "" : " AND " + match.formatted("n"))
                                    + order.formatted("n")
                                    + " LIMIT "
                                    + limit;
                    // newest first through the filters' index, each row tested: wrapped, the
                    // search is no index condition, and it looks common to the planner
                    case WALK ->
                            "SELECT n.id FROM notice n"
                                    + where
                                    + " AND coalesce("
                                    + match.formatted("n")
                                    + ", false)"
                                    + order.formatted("n")
                                    + " LIMIT "
                                    + limit;
                    // every match from the GIN index, then the newest of them
                    case COLLECT ->
                            "WITH m AS MATERIALIZED (SELECT n.id, n.published_at FROM notice n"
                                    + where
                                    + " AND "
                                    + match.formatted("n")
                                    + ") SELECT m.id FROM m"
                                    + order.formatted("m")
                                    + " LIMIT "
                                    + limit;
                };
        Query q = em.createNativeQuery(query);
        for (int i = 0; i < args.size(); i++) {
            q.setParameter(i + 1, args.get(i));
        }
        List<Long> out = new ArrayList<>();
        for (Object o : q.getResultList()) {
            out.add(((Number) o).longValue());
        }
        return out;
    }

    private static String arg(List<Object> args, Object value) {
        args.add(value);
        return "?" + args.size();
    }

    private static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The rows of these ids, in the same order, with their project's current deadline. */
    private List<NoticeView.Summary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows =
                em.createQuery(
                                "SELECT n.id, n.noticeNo, n.type, n.title, n.method, n.category,"
                                        + " n.buyerId, n.buyerName, n.agencyName, n.budget,"
                                        + " n.deadline, n.publishedAt, n.projectId"
                                        + " FROM PublishedNotice n WHERE n.id IN :ids",
                                Object[].class)
                        .setParameter("ids", ids)
                        .getResultList();
        List<Long> projectIds =
                rows.stream().map(r -> (Long) r[12]).filter(Objects::nonNull).distinct().toList();
        Map<Long, Instant> current = new HashMap<>();
        if (!projectIds.isEmpty()) {
            for (Object[] p :
                    em.createQuery(
                                    "SELECT p.id, p.bidDeadline FROM Project p WHERE p.id IN :ids",
                                    Object[].class)
                            .setParameter("ids", projectIds)
                            .getResultList()) {
                if (p[1] != null) {
                    current.put((Long) p[0], (Instant) p[1]);
                }
            }
        }
        Map<Long, NoticeView.Summary> byId = new HashMap<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            Instant published = (Instant) r[11];
            Instant deadline = (Instant) r[10];
            Long projectId = (Long) r[12];
            if (deadline != null && projectId != null && current.containsKey(projectId)) {
                deadline = current.get(projectId);
            }
            ProcurementMethod method = (ProcurementMethod) r[4];
            byId.put(
                    id,
                    new NoticeView.Summary(
                            (String) r[1],
                            ((NoticeType) r[2]).name(),
                            (String) r[3],
                            method == null ? null : method.name(),
                            (String) r[5],
                            ((Number) r[6]).longValue(),
                            (String) r[7],
                            (String) r[8],
                            (BigDecimal) r[9],
                            deadline,
                            published,
                            projectId,
                            new NoticeCursor(published, id).encode()));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
