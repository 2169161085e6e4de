package io.sunshine.procurement.ocds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseQueryTest {
    private static final URI LIST =
            URI.create("https://ccgp.binjiang.example.cn/api/ocds/releases");

    @Test
    void withoutParametersTheFirstPageOfAHundredOfEverything() {
        ReleaseQuery q = ReleaseQuery.parse(null, "", null, " ");
        assertEquals(new ReleaseQuery(null, null, 1, 100), q);
        assertEquals(0, q.offset());
        assertEquals(URI.create(LIST + "?page=1&size=100"), q.uri(LIST));
    }

    @Test
    void aBareDateIsThatWholeDayInShanghai() {
        ReleaseQuery q = ReleaseQuery.parse("2026-03-01", "2026-03-31", "1", "10");
        assertEquals(Samples.at("2026-03-01T00:00"), q.since());
        assertEquals(Samples.at("2026-04-01T00:00"), q.until(), "until the end of 31 March");
    }

    @Test
    void aDateTimeKeepsItsOffset() {
        ReleaseQuery q =
                ReleaseQuery.parse("2026-03-01T01:30:00Z", "2026-03-02T09:30+08:00", null, null);
        assertEquals(Samples.at("2026-03-01T09:30"), q.since());
        assertEquals(Samples.at("2026-03-02T09:30"), q.until());
    }

    @Test
    void linksAreAbsoluteWithEveryParameterAndTheOffsetEncoded() {
        ReleaseQuery q = ReleaseQuery.parse("2026-03-01", null, "2", "50");
        JsonObject links = q.links(LIST, true);
        assertEquals(
                LIST + "?since=2026-03-01T00%3A00%3A00%2B08%3A00&page=3&size=50",
                links.getString("next"));
        assertEquals(
                LIST + "?since=2026-03-01T00%3A00%3A00%2B08%3A00&page=1&size=50",
                links.getString("prev"));
        assertTrue(URI.create(links.getString("next")).isAbsolute());
        assertEquals(50, q.offset());
    }

    @Test
    void theFirstPageHasNoPrevAndTheLastNoNext() {
        ReleaseQuery first = ReleaseQuery.parse(null, null, "1", "10");
        assertFalse(first.links(LIST, true).containsKey("prev"));
        assertNull(first.previous());
        assertTrue(first.links(LIST, false).isEmpty(), "one page only: no links at all");
        ReleaseQuery last = ReleaseQuery.parse(null, null, "4", "10");
        assertFalse(last.links(LIST, false).containsKey("next"));
        assertEquals(LIST + "?page=3&size=10", last.links(LIST, false).getString("prev"));
    }

    @Test
    void theUriDropsAQueryTheListAddressCarried() {
        assertEquals(
                URI.create(LIST + "?page=2&size=5"),
                new ReleaseQuery(null, null, 2, 5).uri(URI.create(LIST + "?page=9")));
    }

    @ParameterizedTest
    @CsvSource({
        "since, 2026/03/01",
        "since, yesterday",
        "until, 2026-02-30",
        "until, 2026-03-01T25:00:00+08:00",
        "since, 2026-03-01T09:30:00",
    })
    void aDateThatIsNotIso8601IsRefusedNamingTheParameter(String field, String value) {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                ReleaseQuery.parse(
                                        field.equals("since") ? value : null,
                                        field.equals("until") ? value : null,
                                        null,
                                        null));
        assertEquals(ProblemCode.OCDS_DATE_INVALID, r.code());
        assertEquals(field, r.field());
        assertEquals(value, r.args()[0]);
    }

    @Test
    void sinceMustComeBeforeUntil() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> ReleaseQuery.parse("2026-03-02", "2026-03-01", null, null));
        assertEquals(ProblemCode.OCDS_DATE_RANGE_EMPTY, r.code());
        assertEquals("until", r.field());
    }

    @ParameterizedTest
    @CsvSource({
        "page, -1, OCDS_PAGE_INVALID",
        "page, 0, OCDS_PAGE_INVALID",
        "page, 1000001, OCDS_PAGE_INVALID",
        "page, abc, NUMBER_INVALID",
        "page, 1.5, NUMBER_INVALID",
        "page, １, NUMBER_INVALID",
        "size, 0, OCDS_PAGE_SIZE_INVALID",
        "size, 1000000000, OCDS_PAGE_SIZE_INVALID",
        "size, 1001, OCDS_PAGE_SIZE_INVALID",
        "size, 1e3, NUMBER_INVALID",
        "size, 99999999999999999999, NUMBER_INVALID",
    })
    void aPageOrSizeOutOfRangeIsRefusedNamingTheParameter(
            String field, String value, ProblemCode code) {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                ReleaseQuery.parse(
                                        null,
                                        null,
                                        field.equals("page") ? value : null,
                                        field.equals("size") ? value : null));
        assertEquals(code, r.code());
        assertEquals(field, r.field());
    }

    @Test
    void theLargestPageAndSizeAreAccepted() {
        ReleaseQuery q = ReleaseQuery.parse(null, null, "1000000", "1000");
        assertEquals(999_999_000L, q.offset());
    }
}
