package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeFilterTest {

    @Test
    void everyFilterIsReadAndBlankMeansNone() {
        NoticeFilter f =
                NoticeFilter.parse(
                        "procurement",
                        "REVERSE_AUCTION",
                        "第一中学",
                        "a0201",
                        "2026-10-01",
                        "2026-10-08",
                        "电脑");
        assertEquals(NoticeType.PROCUREMENT, f.type());
        assertEquals(ProcurementMethod.REVERSE_AUCTION, f.method());
        assertNull(f.buyerId());
        assertEquals("第一中学", f.buyerName());
        assertEquals("A0201", f.categoryPrefix());
        assertEquals("'电脑'", f.search().tsquery());
        assertEquals(NoticeFilter.NONE, NoticeFilter.parse("", " ", null, "", null, "", " "));
    }

    @Test
    void datesAreWholeDaysInBeijingTime() {
        NoticeFilter f =
                NoticeFilter.parse(null, null, null, null, "2026-10-01", "2026-10-08", null);
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), f.publishedFrom());
        assertEquals(Instant.parse("2026-10-08T16:00:00Z"), f.publishedBefore());
    }

    @Test
    void aNumberIsTheUnitsIdAndTextIsPartOfItsName() {
        assertEquals(150L, NoticeFilter.parse(null, null, "150", null, null, null, null).buyerId());
        assertEquals(
                150L, NoticeFilter.parse(null, null, " １５０ ", null, null, null, null).buyerId());
        assertEquals(
                "第1中学", NoticeFilter.parse(null, null, "第1中学", null, null, null, null).buyerName());
        assertEquals(
                ProblemCode.NOTICE_BUYER_TOO_LONG,
                refusal(
                                () ->
                                        NoticeFilter.parse(
                                                null,
                                                null,
                                                "单".repeat(101),
                                                null,
                                                null,
                                                null,
                                                null))
                        .code());
    }

    @Test
    void aCategoryIsALetterAndWholeLevelsAndAPaddedCodeCoversItsChildren() {
        assertEquals("A", NoticeFilter.categoryPrefix("A"));
        assertEquals("C21", NoticeFilter.categoryPrefix("c21"));
        assertEquals("A020101", NoticeFilter.categoryPrefix("A02010100"));
        assertEquals("A02010105", NoticeFilter.categoryPrefix("A02010105"));
        assertEquals("A", NoticeFilter.categoryPrefix("A00000000"));
        assertEquals(
                Optional.of("B"),
                NoticeFilter.parse(null, null, null, "B", null, null, null).categoryLetter());
        for (String bad : new String[] {"D", "A0", "A020", "A0201010501", "A02%", "电脑"}) {
            Refusal r = refusal(() -> NoticeFilter.categoryPrefix(bad));
            assertEquals(ProblemCode.NOTICE_CATEGORY_INVALID, r.code(), bad);
            assertEquals("category", r.field());
        }
    }

    @Test
    void unknownValuesAndBackwardRangesAreRefusedNamingTheParameter() {
        Refusal type =
                refusal(() -> NoticeFilter.parse("TENDERS", null, null, null, null, null, null));
        assertEquals(ProblemCode.NOTICE_FILTER_INVALID, type.code());
        assertEquals("type", type.field());
        assertEquals("TENDERS", type.args()[0]);
        Refusal method =
                refusal(() -> NoticeFilter.parse(null, "AUCTION", null, null, null, null, null));
        assertEquals("method", method.field());
        Refusal date =
                refusal(() -> NoticeFilter.parse(null, null, null, null, "2026-13-01", null, null));
        assertEquals(ProblemCode.DATE_INVALID, date.code());
        assertEquals("from", date.field());
        Refusal range =
                refusal(
                        () ->
                                NoticeFilter.parse(
                                        null, null, null, null, "2026-10-09", "2026-10-08", null));
        assertEquals(ProblemCode.NOTICE_DATE_RANGE_INVALID, range.code());
        assertEquals("to", range.field());
    }

    private static Refusal refusal(Runnable r) {
        return assertThrows(Refusal.class, r::run);
    }
}
