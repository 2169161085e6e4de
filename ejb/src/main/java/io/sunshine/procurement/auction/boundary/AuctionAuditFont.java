package io.sunshine.procurement.auction.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says at start-up, not first at an auction's close, when the Chinese font of the audit documents
 * is missing: without it no auction can close (the close and its document are one transaction), so
 * the administrator must install Debian's {@code fonts-wqy-zenhei} or point {@code
 * sunshine.pdf.font} at another TrueType font or collection.
 */
@Singleton
@Startup
public class AuctionAuditFont {
    private static final Logger LOG = Logger.getLogger(AuctionAuditFont.class.getName());

    @Inject
    @ConfigProperty(name = "sunshine.pdf.font", defaultValue = AuctionAudit.DEFAULT_FONT)
    String font;

    @PostConstruct
    void check() {
        if (!Files.isReadable(Path.of(font))) {
            LOG.severe(
                    () ->
                            "The Chinese font of the auction audit documents is missing: "
                                    + font
                                    + ". Auctions cannot close until it is there: install the"
                                    + " Debian package fonts-wqy-zenhei, or set the system property"
                                    + " sunshine.pdf.font to a TrueType font (.ttf) or collection"
                                    + " (.ttc).");
        } else {
            LOG.config(() -> "Audit document font: " + font);
        }
    }
}
