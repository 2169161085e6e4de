package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;

/** The words of the live auction area, in the page's language, for the page and auction.js. */
@Named
@RequestScoped
public class AuctionLabels {
    private static final String[] KEYS = {
        "auction.status.SCHEDULED",
        "auction.status.OPEN",
        "auction.status.CLOSING",
        "auction.status.AWARDED",
        "auction.status.FAILED",
        "auction.startsIn",
        "auction.closesIn",
        "auction.closed",
        "auction.connecting",
        "auction.live",
        "auction.lost",
        "auction.hidden",
        "auction.result.awarded",
        "auction.result.failed",
        "auction.maxAllowed"
    };

    /** {"auction.status.OPEN": "进行中", …} for the script. */
    public String getJson() {
        JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
        for (String k : KEYS) {
            b.add(k, FacesProblems.text(k));
        }
        return b.build().toString();
    }

    /** "A bid in the last 5 minutes extends the close by 5 minutes, at most 3 times." */
    public String antiSniping(AuctionView a) {
        if (a.windowSeconds() == 0) {
            return FacesProblems.text("auction.antiSniping.none");
        }
        return FacesProblems.text(
                "auction.antiSniping.text",
                minutes(a.windowSeconds()),
                minutes(a.extensionSeconds()),
                a.maxExtensions());
    }

    private static String minutes(long seconds) {
        return seconds % 60 == 0
                ? String.valueOf(seconds / 60)
                : java.math.BigDecimal.valueOf(seconds)
                        .divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString();
    }
}
