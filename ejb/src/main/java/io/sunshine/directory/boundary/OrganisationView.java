package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.SizeClass;
import java.io.Serializable;
import java.time.Instant;

/** An organisation as pages and the API show it. */
public record OrganisationView(
        long id,
        String name,
        OrganisationType type,
        String creditCode,
        SizeClass sizeClass,
        Instant createdAt,
        long userCount)
        implements Serializable {

    static OrganisationView of(Organisation o, long userCount) {
        return new OrganisationView(
                o.getId(),
                o.getName(),
                o.getType(),
                o.getCreditCode(),
                o.getSizeClass(),
                o.getCreatedAt(),
                userCount);
    }
}
