package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.boundary.Problems;
import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.control.AtomFeed;
import io.sunshine.procurement.notice.control.NoticeCursor;
import io.sunshine.procurement.notice.control.NoticeFilter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The published notices, public (Law art. 11: no sign-in): the list with filters, search and keyset
 * paging, one notice in full, and an Atom feed of the newest.
 *
 * <pre>
 * GET /api/v1/notices?q=电脑&amp;type=PROCUREMENT&amp;size=20   → {notices:[…], older:"…", newer:null}
 * GET /api/v1/notices?q=电脑&amp;before=&lt;older&gt;            → the next page
 * GET /api/v1/notices/GG-2026-000150                       → the notice with its current deadlines
 * GET /api/v1/notices/feed.atom                            → application/atom+xml
 * </pre>
 */
@Path("v1/notices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {
    /** How many notices the feed carries. */
    static final int FEED_SIZE = 50;

    @EJB NoticePortal portal;
    @Inject Clock clock;
    @Context HttpHeaders headers;
    @Context UriInfo uri;

    @GET
    @Public
    @Operation(
            summary =
                    "Published notices, newest first (public): filter by type, method, buyer (id or"
                            + " part of the name), category (catalogue code prefix), from/to"
                            + " (publication days, Beijing time) and q (words of the title or"
                            + " body); page with the cursors older (before=) and newer (after=)")
    public NoticeView.Page list(
            @QueryParam("type") String type,
            @QueryParam("method") String method,
            @QueryParam("buyer") String buyer,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") String q,
            @QueryParam("before") String before,
            @QueryParam("after") String after,
            @QueryParam("size") String size) {
        NoticeFilter filter = NoticeFilter.parse(type, method, buyer, category, from, to, q);
        return portal.list(
                filter,
                before == null ? null : NoticeCursor.decode(before, "before"),
                after == null ? null : NoticeCursor.decode(after, "after"),
                pageSize(size));
    }

    @GET
    @Path("feed.atom")
    @Public
    @Produces(AtomFeed.MEDIA_TYPE)
    @Operation(summary = "Atom 1.0 feed of the newest published notices (public)")
    public String feed() {
        Locale l = Problems.localeOf(headers.getAcceptableLanguages());
        ResourceBundle msg = ResourceBundle.getBundle("io.sunshine.web.messages", l);
        URI site = uri.getBaseUri().resolve("..");
        String self = uri.getBaseUri().resolve("v1/notices/feed.atom").toString();
        List<NoticeView.Summary> newest = portal.newest(FEED_SIZE);
        List<AtomFeed.Entry> entries =
                newest.stream()
                        .map(
                                n ->
                                        new AtomFeed.Entry(
                                                noticePage(site, n.noticeNo()),
                                                n.title(),
                                                noticePage(site, n.noticeNo()),
                                                n.publishedAt(),
                                                n.buyerName(),
                                                summary(msg, n)))
                        .toList();
        Instant updated = newest.isEmpty() ? clock.instant() : newest.get(0).publishedAt();
        return AtomFeed.write(
                new AtomFeed.Feed(
                        self,
                        site.resolve("notices/index.xhtml").toString(),
                        msg.getString("portal.feed.title"),
                        msg.getString("app.name"),
                        updated,
                        entries));
    }

    @GET
    @Path("{noticeNo}")
    @Public
    @Operation(
            summary =
                    "One published notice with its project's current deadlines, lots, documents"
                            + " and other notices (public)")
    public NoticeView.Detail detail(@PathParam("noticeNo") String noticeNo) {
        return portal.detail(noticeNo);
    }

    /** The page size parameter: a whole number; its range is the portal's to check. */
    static int pageSize(String size) {
        if (size == null || size.isBlank()) {
            return NoticePortal.DEFAULT_PAGE;
        }
        try {
            return Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(
                    ProblemCode.NUMBER_INVALID,
                    "size",
                    size.length() > 20 ? size.substring(0, 17) + "..." : size);
        }
    }

    private static String noticePage(URI site, String noticeNo) {
        return site.resolve(
                        "notices/notice.xhtml?no="
                                + URLEncoder.encode(noticeNo, StandardCharsets.UTF_8))
                .toString();
    }

    private static String summary(ResourceBundle msg, NoticeView.Summary n) {
        StringBuilder s = new StringBuilder(msg.getString("noticeType." + n.type()));
        if (n.method() != null) {
            s.append(" · ").append(msg.getString("method." + n.method()));
        }
        s.append(" · ").append(n.buyerName());
        if (n.agencyName() != null) {
            s.append(" · ").append(n.agencyName());
        }
        return s.toString();
    }
}
