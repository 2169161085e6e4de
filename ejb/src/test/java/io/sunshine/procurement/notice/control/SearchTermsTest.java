package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void hanRunsBecomeOverlappingPairsSoATwoCharacterWordIsATerm() {
        assertEquals(List.of("采购", "购台", "台式", "式电", "电脑"), SearchTerms.of("采购台式电脑"));
        assertTrue(SearchTerms.of("某某大学物业管理服务项目").contains("物业"));
    }

    @Test
    void aLoneHanCharacterIsATermAndPunctuationSeparates() {
        assertEquals(List.of("第", "1", "包", "电脑"), SearchTerms.of("第1包：电脑"));
    }

    @Test
    void latinWordsAndDigitsAreLowerCasedWholeWordsAndFullWidthFormsFold() {
        assertEquals(List.of("pc", "2026", "年"), SearchTerms.of("ＰＣ ２０２６年"));
        assertEquals(List.of("a02010104", "ups", "电源"), SearchTerms.of("A02010104 UPS电源"));
    }

    @Test
    void severalTextsAreOneSequenceAndNullIsNothing() {
        assertEquals(List.of("电脑", "物业"), SearchTerms.of("电脑", null, "物业"));
        assertEquals("", SearchTerms.joined((String) null));
    }

    @Test
    void theJoinedTermsFitTheColumnAndEndOnAWholeTerm() {
        String body = "政府采购".repeat(40_000);
        String joined = SearchTerms.joined(body);
        assertTrue(joined.length() <= SearchTerms.MAX_LENGTH);
        for (String t : joined.split(" ")) {
            assertEquals(2, t.length(), t);
        }
    }
}
