package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * A supplier's auction hall (竞价大厅): the rules, the live state from the feed, its own bids, and the
 * bid form. Each rendering of the form carries a fresh client key, so a double click or a re-sent
 * request is one bid, not two.
 */
@Named
@ViewScoped
public class SupplierAuction implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Auctions auctions;
    @EJB Bidding bidding;

    private Long id;
    private AuctionView view;
    private String amount;
    private String clientKey = UUID.randomUUID().toString();

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        refresh();
    }

    private void refresh() {
        if (id == null) {
            view = null;
            return;
        }
        try {
            view = auctions.get(id);
        } catch (Refusal r) {
            view = null;
            FacesProblems.show(r, null);
        }
    }

    public void bid() {
        BidAnswer a = bidding.bid(id, amount, clientKey);
        if (a.accepted()) {
            FacesProblems.info(
                    "auction.bid.accepted",
                    new java.text.DecimalFormat(
                                    "#,##0.00",
                                    java.text.DecimalFormatSymbols.getInstance(
                                            java.util.Locale.ROOT))
                            .format(a.amount()),
                    a.rank());
            amount = null;
            clientKey = UUID.randomUUID().toString();
        } else {
            FacesProblems.show(new Refusal(a.code(), null, a.args().toArray()), null);
        }
        refresh();
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

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
