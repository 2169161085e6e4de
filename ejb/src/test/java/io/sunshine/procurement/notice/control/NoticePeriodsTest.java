package io.sunshine.procurement.notice.control;

import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_CONSULTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_NEGOTIATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.INVITED_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.OPEN_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REQUEST_FOR_QUOTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REVERSE_AUCTION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.SINGLE_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoticePeriodsTest {

    private static StatutoryPeriod days(int n, String source) {
        return new StatutoryPeriod(n, PeriodUnit.DAYS, source);
    }

    private static StatutoryPeriod workingDays(int n, String source) {
        return new StatutoryPeriod(n, PeriodUnit.WORKING_DAYS, source);
    }

    @Test
    void theShippedTableCarriesTheStatutoryFigures() {
        NoticePeriods t = ShippedRules.table();
        assertEquals(days(20, "LAW_35"), t.notice(OPEN_TENDER));
        assertEquals(days(20, "LAW_35"), t.notice(INVITED_TENDER));
        assertEquals(days(10, "MOF_214"), t.notice(COMPETITIVE_CONSULTATION));
        assertEquals(workingDays(3, "MOF_74"), t.notice(COMPETITIVE_NEGOTIATION));
        assertEquals(workingDays(3, "MOF_74"), t.notice(REQUEST_FOR_QUOTATION));
        assertEquals(workingDays(5, "REG_38"), t.notice(SINGLE_SOURCE));
        assertEquals(workingDays(3, "PLATFORM_AUCTION"), t.notice(REVERSE_AUCTION));

        assertEquals(days(15, "REG_31"), t.correction(OPEN_TENDER).orElseThrow());
        assertEquals(days(15, "REG_31"), t.correction(INVITED_TENDER).orElseThrow());
        assertEquals(days(5, "MOF_214"), t.correction(COMPETITIVE_CONSULTATION).orElseThrow());
        assertEquals(workingDays(3, "MOF_74"), t.correction(COMPETITIVE_NEGOTIATION).orElseThrow());
        assertEquals(workingDays(3, "MOF_74"), t.correction(REQUEST_FOR_QUOTATION).orElseThrow());
        assertEquals(
                workingDays(3, "PLATFORM_AUCTION"), t.correction(REVERSE_AUCTION).orElseThrow());
        assertTrue(t.correction(SINGLE_SOURCE).isEmpty());

        assertEquals(new BigDecimal("2"), t.bidSecurityMaxPercent());
        assertEquals("REG_33", t.bidSecuritySource());
    }

    @Test
    void theShippedTableRoundTripsThroughItsKeyValueText() {
        NoticePeriods t = ShippedRules.table();
        assertEquals(t, NoticePeriods.parse(t.values()));
        assertEquals(ShippedRules.values(), t.values()); // nothing lost, nothing added
        assertEquals(NoticePeriods.keys(), List.copyOf(t.values().keySet()));
    }

    @Test
    void theShippedTableHoldsExactlyTheRuleKeys() {
        assertEquals(
                new HashSet<>(NoticePeriods.keys()), ShippedRules.values().keySet(), "table keys");
    }

    @Test
    void theBuildShipsTheTableOnTheClasspathBesideTheMethodRules() throws Exception {
        Properties p = new Properties();
        try (InputStream in =
                getClass()
                        .getClassLoader()
                        .getResourceAsStream(
                                "io/sunshine/procurement/rules/notice-periods.properties")) {
            assertNotNull(in, "notice-periods.properties is not on the classpath");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        assertEquals(ShippedRules.table(), NoticePeriods.parse(m));
    }

    @Test
    void everyCitedSourceHasItsTextInBothLanguages() {
        NoticePeriods t = ShippedRules.table();
        Set<String> sources = new HashSet<>();
        for (ProcurementMethod m : ProcurementMethod.values()) {
            sources.add(t.notice(m).source());
            t.correction(m).ifPresent(c -> sources.add(c.source()));
        }
        sources.add(t.bidSecuritySource());
        for (String s : sources) {
            for (Locale l : List.of(ProblemMessages.CHINESE, ProblemMessages.ENGLISH)) {
                String key = "source." + s;
                assertNotEquals(key, ProblemMessages.text(key, l), key + " " + l);
            }
        }
        for (PeriodKind k : PeriodKind.values()) {
            for (Locale l : List.of(ProblemMessages.CHINESE, ProblemMessages.ENGLISH)) {
                assertNotEquals(k.span().key(), ProblemMessages.text(k.span().key(), l));
            }
        }
    }

    @Test
    void periodsAreWrittenInWordsAndReadLeniently() {
        Map<String, String> v = new HashMap<>(ShippedRules.values());
        v.put("notice.COMPETITIVE_NEGOTIATION", "  5   Working  Days ");
        v.put("notice.OPEN_TENDER", "30 DAYS");
        v.put("bid-security.max-percent", "1.50");
        NoticePeriods t = NoticePeriods.parse(v);
        assertEquals(workingDays(5, "MOF_74"), t.notice(COMPETITIVE_NEGOTIATION));
        assertEquals("5 working days", t.values().get("notice.COMPETITIVE_NEGOTIATION"));
        assertEquals("30 days", t.values().get("notice.OPEN_TENDER"));
        assertEquals("1.5", t.values().get("bid-security.max-percent"));
    }

    @Test
    void keysOfOtherTablesAreNotThisTablesBusiness() {
        Map<String, String> v = new HashMap<>(ShippedRules.values());
        v.put("open-tender.threshold.A", "2000000.00");
        assertEquals(ShippedRules.table(), NoticePeriods.parse(v));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "notice.OPEN_TENDER|20",
                "notice.OPEN_TENDER|0 days",
                "notice.OPEN_TENDER|366 days",
                "notice.OPEN_TENDER|-20 days",
                "notice.OPEN_TENDER|twenty days",
                "notice.OPEN_TENDER|20 日",
                "notice.OPEN_TENDER|３ working days",
                "notice.OPEN_TENDER|3 weeks",
                "notice.OPEN_TENDER|20.5 days",
                "notice.SINGLE_SOURCE|5 working",
                "notice.OPEN_TENDER|''",
                "correction.OPEN_TENDER|15",
                "correction.REVERSE_AUCTION|0 working days",
                "notice.OPEN_TENDER.source|law 35",
                "notice.OPEN_TENDER.source|''",
                "notice.OPEN_TENDER.source|《政府采购法》第三十五条",
                "correction.OPEN_TENDER.source|REG-31",
                "bid-security.max-percent|0",
                "bid-security.max-percent|0.00",
                "bid-security.max-percent|100.01",
                "bid-security.max-percent|101",
                "bid-security.max-percent|2.005",
                "bid-security.max-percent|-1",
                "bid-security.max-percent|2%",
                "bid-security.max-percent|1e1",
                "bid-security.max-percent|''",
                "bid-security.max-percent.source|x",
            })
    void aBadValueIsRefusedNamingItsKey(String key, String value) {
        Map<String, String> v = new HashMap<>(ShippedRules.values());
        v.put(key, value);
        assertRefusedFor(key, v);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(
            strings = {
                "notice.OPEN_TENDER",
                "notice.REVERSE_AUCTION.source",
                "correction.INVITED_TENDER",
                "correction.COMPETITIVE_CONSULTATION.source",
                "bid-security.max-percent",
                "bid-security.max-percent.source"
            })
    void aMissingRuleIsRefused(String key) {
        Map<String, String> v = new HashMap<>(ShippedRules.values());
        v.remove(key);
        assertRefusedFor(key, v);
    }

    @ParameterizedTest(name = "unknown {0}")
    @ValueSource(
            strings = {
                "notice.OPEN_TENDR", // a typo must not leave the default in force
                "correction.SINGLE_SOURCE", // a public notice has no deadline to move
                "correction.SINGLE_SOURCE.source",
                "notice.OPEN_TENDER.days",
                "bid-security.max-amount"
            })
    void anUnknownKeyOfThisTableIsRefused(String key) {
        Map<String, String> v = new HashMap<>(ShippedRules.values());
        v.put(key, "15 days");
        assertRefusedFor(key, v);
    }

    @Test
    void everyRuleKeyIsCheckedOneByOne() {
        // Each key of the table, removed alone, is refused with that key: no rule is optional.
        List<String> missed = new ArrayList<>();
        for (String key : NoticePeriods.keys()) {
            Map<String, String> v = new HashMap<>(ShippedRules.values());
            v.remove(key);
            try {
                NoticePeriods.parse(v);
                missed.add(key);
            } catch (Refusal r) {
                assertEquals(key, r.field());
            }
        }
        assertEquals(List.of(), missed);
    }

    @Test
    void theRecordItselfGuardsItsInvariants() {
        NoticePeriods t = ShippedRules.table();
        Map<ProcurementMethod, StatutoryPeriod> notices = new HashMap<>(t.notice());
        notices.remove(REVERSE_AUCTION);
        assertThrows(
                IllegalArgumentException.class,
                () -> new NoticePeriods(notices, t.correction(), BigDecimal.ONE, "REG_33"));
        Map<ProcurementMethod, StatutoryPeriod> corrections = new HashMap<>(t.correction());
        corrections.put(SINGLE_SOURCE, days(5, "REG_38"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NoticePeriods(t.notice(), corrections, BigDecimal.ONE, "REG_33"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NoticePeriods(t.notice(), t.correction(), BigDecimal.ZERO, "REG_33"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NoticePeriods(t.notice(), t.correction(), BigDecimal.ONE, "reg 33"));
        assertThrows(IllegalArgumentException.class, () -> days(0, "LAW_35"));
        assertThrows(IllegalArgumentException.class, () -> days(20, null));
        // 2 and 2.00 per cent are one figure
        assertEquals(
                new NoticePeriods(t.notice(), t.correction(), new BigDecimal("2.00"), "REG_33"), t);
    }

    private static void assertRefusedFor(String key, Map<String, String> values) {
        Refusal r = assertThrows(Refusal.class, () -> NoticePeriods.parse(values));
        assertEquals(ProblemCode.RULE_VALUE_INVALID, r.code());
        assertEquals(key, r.field());
        assertEquals(key, r.args()[0]);
    }
}
