package io.sunshine.procurement.requirement.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The administrator's page of the procurement method rule table. */
@Named
@ViewScoped
public class ManageRules implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB ProcurementRules rules;

    private List<ProcurementRules.Rule> current;
    private Map<String, String> edited;

    public List<ProcurementRules.Rule> getRules() {
        if (current == null) {
            current = rules.rules();
            edited = new LinkedHashMap<>();
            current.forEach(r -> edited.put(r.key(), r.value()));
        }
        return current;
    }

    public Map<String, String> getEdited() {
        getRules();
        return edited;
    }

    public void save() {
        try {
            int changed = rules.change(edited);
            FacesProblems.info("rules.saved", changed);
            current = null;
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }
}
