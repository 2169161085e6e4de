package io.sunshine.procurement.contract.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The contracts page (/contracts/list.xhtml): the caller's contracts — their organisation's as
 * buyer, supplier or agency; all for FINANCE, SUPERVISOR, ADMIN — newest first.
 */
@Named
@ViewScoped
public class ContractList implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Contracts contracts;

    private List<ContractView> rows;

    public List<ContractView> getRows() {
        if (rows == null) {
            try {
                rows = contracts.mine(200);
            } catch (Refusal r) {
                FacesProblems.show(r, null);
                rows = List.of();
            }
        }
        return rows;
    }
}
