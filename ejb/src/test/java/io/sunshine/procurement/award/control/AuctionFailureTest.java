package io.sunshine.procurement.award.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuctionFailureTest {

    @Test
    void tooFewEnrolledSaysHowManyAgainstTheMinimum() {
        AuctionFailure f = AuctionFailure.of(2, 2, 3);
        assertTrue(f.tooFewQualified());
        assertEquals("有效报名供应商 2 家，少于规定的最少 3 家", f.reason());
    }

    @Test
    void enoughEnrolledButTooFewBidSaysHowManyBid() {
        AuctionFailure f = AuctionFailure.of(4, 2, 3);
        assertFalse(f.tooFewQualified());
        assertEquals("有效报名供应商 4 家，但有效报价供应商仅 2 家，少于规定的最少 3 家", f.reason());
    }

    @Test
    void countsCannotBeNegativeNorTheMinimumBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> AuctionFailure.of(-1, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> AuctionFailure.of(1, 0, 0));
    }
}
