package io.sunshine.procurement.requirement.control;

import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_CONSULTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_NEGOTIATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.INVITED_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.OPEN_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REQUEST_FOR_QUOTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REVERSE_AUCTION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.SINGLE_SOURCE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MethodRulesTest {
    /** The table shipped in config/rules, as the platform starts with it. */
    static MethodRules shipped() throws Exception {
        Properties p = new Properties();
        try (InputStream in =
                Files.newInputStream(Path.of("../config/rules/procurement-methods.properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return MethodRules.parse(m);
    }

    private static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theShippedTableCarriesTheCentralFigures() throws Exception {
        MethodRules r = shipped();
        assertEquals(yuan("1000000.00"), r.decentralisedThreshold().get(Category.A));
        assertEquals(yuan("1200000.00"), r.decentralisedThreshold().get(Category.B));
        assertEquals(yuan("2000000.00"), r.openTenderThreshold().get(Category.A));
        assertEquals(yuan("2000000.00"), r.openTenderThreshold().get(Category.C));
        assertEquals(yuan("4000000.00"), r.openTenderThreshold().get(Category.B));
        assertEquals(r, MethodRules.parse(r.values()));
    }

    @Test
    void belowTheOpenTenderThresholdEveryMethodThatFitsTheCategoryIsAllowed() throws Exception {
        MethodRules r = shipped();
        // ordinary goods not on the auction list: all but the auction
        MethodDecision goods = r.decide(Category.A, yuan("1999999.99"), List.of("A02320000"));
        assertEquals(
                EnumSet.of(
                        OPEN_TENDER,
                        INVITED_TENDER,
                        COMPETITIVE_NEGOTIATION,
                        COMPETITIVE_CONSULTATION,
                        REQUEST_FOR_QUOTATION,
                        SINGLE_SOURCE),
                goods.allowed());
        assertFalse(goods.openTenderOnly());
        assertTrue(goods.governmentProcurement());
        // services: no request for quotation (Law art. 32 is for goods), no auction
        MethodDecision services = r.decide(Category.C, yuan("500000.00"), List.of("C16010000"));
        assertFalse(services.allowed().contains(REQUEST_FOR_QUOTATION));
        assertFalse(services.allowed().contains(REVERSE_AUCTION));
        assertFalse(services.governmentProcurement());
    }

    @Test
    void atTheOpenTenderThresholdOnlyOpenTenderOrAnAllowedAuction() throws Exception {
        MethodRules r = shipped();
        MethodDecision computers =
                r.decide(Category.A, yuan("2000000.00"), List.of("A02010105", "A02010108"));
        assertEquals(EnumSet.of(OPEN_TENDER, REVERSE_AUCTION), computers.allowed());
        assertTrue(computers.openTenderOnly());
        assertTrue(computers.centralised());

        MethodDecision medical = r.decide(Category.A, yuan("2000000.00"), List.of("A02320000"));
        assertEquals(EnumSet.of(OPEN_TENDER), medical.allowed());

        // works use their own, higher threshold
        assertFalse(
                r.decide(Category.B, yuan("3999999.99"), List.of("B07000000")).openTenderOnly());
        assertEquals(
                EnumSet.of(OPEN_TENDER),
                r.decide(Category.B, yuan("4000000.00"), List.of("B07000000")).allowed());
    }

    @Test
    void aRefusedMethodSaysWhy() throws Exception {
        MethodRules r = shipped();
        MethodDecision big = r.decide(Category.A, yuan("2500000.00"), List.of("A02320000"));
        Refusal open =
                assertThrows(
                        Refusal.class,
                        () -> big.check(COMPETITIVE_NEGOTIATION, yuan("2500000.00"), Category.A));
        assertEquals(ProblemCode.METHOD_REQUIRES_OPEN_TENDER, open.code());
        assertEquals("2,500,000.00", open.args()[1]);
        assertEquals("2,000,000.00", open.args()[2]);

        MethodDecision services = r.decide(Category.C, yuan("100.00"), List.of("C16010000"));
        assertEquals(
                ProblemCode.PROCUREMENT_METHOD_NOT_ALLOWED,
                assertThrows(
                                Refusal.class,
                                () ->
                                        services.check(
                                                REQUEST_FOR_QUOTATION, yuan("100"), Category.C))
                        .code());
        assertEquals(
                ProblemCode.METHOD_REQUIRED,
                assertThrows(Refusal.class, () -> services.check(null, yuan("100"), Category.C))
                        .code());
        assertDoesNotThrow(() -> services.check(COMPETITIVE_CONSULTATION, yuan("100"), Category.C));
    }

    @Test
    void anAuctionNeedsEveryItemOnTheAuctionList() throws Exception {
        MethodRules r = shipped();
        assertTrue(r.decide(Category.A, yuan("10000"), List.of("A02010105")).auctionAllowed());
        assertFalse(
                r.decide(Category.A, yuan("10000"), List.of("A02010105", "A02320000"))
                        .auctionAllowed());
    }

    @Test
    void aCatalogueEntryCoversTheCodesBeneathIt() {
        assertTrue(MethodRules.covers("A02010100", "A02010105"));
        assertTrue(MethodRules.covers("A02010105", "A02010105"));
        assertFalse(MethodRules.covers("A02010105", "A02010104"));
        assertFalse(MethodRules.covers("A02010100", "A02020000"));
        assertTrue(MethodRules.covers("A05010000", "A05010301"));
        assertTrue(MethodRules.covers("A020101", "A02010105")); // unpadded 2013-style code
    }

    @Test
    void anInvalidTableIsRefusedRuleByRule() throws Exception {
        Map<String, String> v = new HashMap<>(shipped().values());
        v.put("open-tender.threshold.A", "900000.00"); // below the decentralised threshold
        assertEquals(
                "open-tender.threshold.A",
                assertThrows(Refusal.class, () -> MethodRules.parse(v)).field());
        Map<String, String> w = new HashMap<>(shipped().values());
        w.put("decentralised.threshold.C", "-1");
        assertEquals(
                ProblemCode.RULE_VALUE_INVALID,
                assertThrows(Refusal.class, () -> MethodRules.parse(w)).code());
        Map<String, String> x = new HashMap<>(shipped().values());
        x.put("auction.catalogue", "A0201, ../etc");
        assertEquals(
                "auction.catalogue",
                assertThrows(Refusal.class, () -> MethodRules.parse(x)).field());
    }
}
