package io.sunshine.procurement.contract.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A version's snapshot reads back exactly as written: every cent, every term, both boxes. */
class ContractJsonTest {

    @Test
    void theSnapshotReadsBackEqual() {
        ContractContent c = ContractFixture.content(7, new BigDecimal("45500.00"));
        SignatureBox p = new SignatureBox(2, 72.5f, 120f, 150f, 150f);
        SignatureBox s = new SignatureBox(2, 320.25f, 120f, 150f, 150f);
        ContractJson.Stored back = ContractJson.read(ContractJson.write(c, p, s));
        assertEquals(c, back.content());
        assertEquals(p, back.purchaserBox());
        assertEquals(s, back.supplierBox());
    }

    @Test
    void optionalTextsStayAbsent() {
        ContractContent c = ContractFixture.content(1, new BigDecimal("0.07"));
        ContractTerms t = c.terms();
        ContractContent noOther =
                ContractFixture.content(
                        1,
                        new BigDecimal("0.07"),
                        new ContractTerms(
                                t.deliveryPlace(),
                                t.deliveryPeriod(),
                                t.acceptance(),
                                t.warranty(),
                                t.milestones(),
                                t.bondPercent(),
                                t.dispute(),
                                t.disputeBody(),
                                null));
        SignatureBox b = new SignatureBox(0, 1, 2, 3, 4);
        assertEquals(noOther, ContractJson.read(ContractJson.write(noOther, b, b)).content());
    }
}
