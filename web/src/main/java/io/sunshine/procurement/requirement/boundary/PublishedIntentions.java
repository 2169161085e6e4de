package io.sunshine.procurement.requirement.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The public list of procurement intentions. */
@Named
@RequestScoped
public class PublishedIntentions {
    @EJB Requirements requirements;

    private List<RequirementView.Intention> intentions;

    public List<RequirementView.Intention> getIntentions() {
        if (intentions == null) {
            intentions = requirements.publishedIntentions(200);
        }
        return intentions;
    }
}
