package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeSearchTest {

    @Test
    void aTwoCharacterWordIsTheOneTermTheNoticeStores() {
        NoticeSearch s = NoticeSearch.parse("电脑").orElseThrow();
        assertEquals(List.of(List.of("电脑")), s.phrases());
        assertEquals("'电脑'", s.tsquery());
        assertEquals(List.of("% 电脑 %"), s.termPatterns());
        assertTrue((" " + SearchTerms.joined("采购台式电脑") + " ").contains(" 电脑 "));
    }

    @Test
    void aLongerWordIsThePhraseOfItsPairsInOrder() {
        NoticeSearch s = NoticeSearch.parse("办公桌").orElseThrow();
        assertEquals("'办公' <-> '公桌'", s.tsquery());
        assertEquals(List.of("% 办公 公桌 %"), s.termPatterns());
        // the stored terms of a notice about 办公桌椅 hold that phrase
        String stored = " " + SearchTerms.joined("采购办公桌椅一批") + " ";
        assertTrue(stored.contains(" 办公 公桌 "), stored);
    }

    @Test
    void wordsAreAllRequiredAndTextIsNormalisedFirst() {
        NoticeSearch s = NoticeSearch.parse("  台式电脑\u3000ＰＣ  ").orElseThrow();
        assertEquals("台式电脑 PC", s.text());
        assertEquals("'台式' <-> '式电' <-> '电脑' & 'pc'", s.tsquery());
        assertEquals(List.of("% 台式 式电 电脑 %", "% pc %"), s.termPatterns());
    }

    @Test
    void aLoneHanCharacterAtTheEndOfAWordIsAPrefix() {
        assertEquals("'电':*", NoticeSearch.parse("电").orElseThrow().tsquery());
        assertEquals(List.of("% 电%"), NoticeSearch.parse("电").orElseThrow().termPatterns());
        assertEquals("'2026' <-> '年':*", NoticeSearch.parse("2026年").orElseThrow().tsquery());
    }

    @Test
    void operatorsAndQuotesAreNeverPassedThrough() {
        NoticeSearch s = NoticeSearch.parse("电脑' | !物业 & (x:*)").orElseThrow();
        assertEquals("'电脑' & '物业' & 'x'", s.tsquery());
        assertEquals(List.of("% 电脑 %", "% 物业 %", "% x %"), s.termPatterns());
    }

    @Test
    void nothingTypedIsNoFilterAndPunctuationOnlyIsRefused() {
        assertTrue(NoticeSearch.parse(null).isEmpty());
        assertTrue(NoticeSearch.parse("   ").isEmpty());
        Refusal r = assertThrows(Refusal.class, () -> NoticeSearch.parse("！？ ''"));
        assertEquals(ProblemCode.NOTICE_QUERY_NO_WORDS, r.code());
        assertEquals("q", r.field());
    }

    @Test
    void tooLongOrTooManyWordsIsRefused() {
        assertEquals(
                ProblemCode.NOTICE_QUERY_TOO_LONG,
                assertThrows(Refusal.class, () -> NoticeSearch.parse("电".repeat(101))).code());
        NoticeSearch.parse("电".repeat(100)).orElseThrow();
        assertEquals(
                ProblemCode.NOTICE_QUERY_TOO_MANY_WORDS,
                assertThrows(Refusal.class, () -> NoticeSearch.parse("a b c d e f g h i")).code());
    }
}
