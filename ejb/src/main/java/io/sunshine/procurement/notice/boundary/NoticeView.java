package io.sunshine.procurement.notice.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the public portal shows of published notices: plain values, never entities. */
public final class NoticeView {
    private NoticeView() {}

    /**
     * One row of the notice list.
     *
     * @param deadline the project's deadline as it stands now (after corrections), for notices that
     *     carry one
     * @param cursor where this row stands in the list: pass it as {@code before} for the rows after
     *     it
     */
    public record Summary(
            String noticeNo,
            String type,
            String title,
            String method,
            String category,
            long buyerId,
            String buyerName,
            String agencyName,
            BigDecimal budget,
            Instant deadline,
            Instant publishedAt,
            Long projectId,
            String cursor) {}

    /**
     * A page of the list, newest first.
     *
     * @param older the cursor for the next page ({@code before=}), null on the last page
     * @param newer the cursor for the previous page ({@code after=}), null on the first page
     */
    public record Page(List<Summary> notices, String older, String newer) {}

    /**
     * The project's deadlines as they stand now: a correction that moved the deadline moved these
     * too, while the notice's own text keeps what it said when published.
     *
     * @param kind which deadline this is: TENDER (bid deadline and opening), RESPONSE (first
     *     responses), PUBLIC_NOTICE (end of the single-source public notice), AUCTION (close of
     *     enrolment, then the auction start)
     * @param corrected whether a correction moved them since this notice was published
     */
    public record Deadlines(
            String kind,
            Instant deadline,
            Instant openingTime,
            Instant auctionStart,
            boolean corrected) {}

    public record Lot(
            int lotNo,
            String title,
            BigDecimal budget,
            BigDecimal bidSecurity,
            boolean smeOnly,
            String qualification) {}

    /** A procurement document; the download itself needs a sign-in. */
    public record Document(long id, String fileName, String sha256, long size) {}

    /** Another notice of the same project. */
    public record Related(String noticeNo, String type, String title, Instant publishedAt) {}

    /**
     * One notice in full, with its project's current state.
     *
     * @param body the notice's text as published, line breaks kept
     * @param projectState DRAFT never shows; PUBLISHED or TERMINATED; null for an intention
     */
    public record Detail(
            String noticeNo,
            String type,
            String title,
            String body,
            String method,
            String category,
            long buyerId,
            String buyerName,
            String agencyName,
            BigDecimal budget,
            Instant publishedAt,
            String publishedBy,
            Long projectId,
            String projectReference,
            String projectState,
            Deadlines deadlines,
            List<Lot> lots,
            List<Document> documents,
            List<Related> related) {}
}
