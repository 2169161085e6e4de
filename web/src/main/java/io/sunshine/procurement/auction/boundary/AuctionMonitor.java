package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The monitor of an auction (竞价监控) for its agency, its buyer, finance and supervision: the rules
 * and the full ladder with names, live from the feed.
 */
@Named
@RequestScoped
public class AuctionMonitor {
    @EJB Auctions auctions;

    private Long id;
    private AuctionView view;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            view = auctions.get(id);
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AuctionView getView() {
        return view;
    }
}
