package io.sunshine.procurement.ocds.control;

import java.net.URI;
import java.util.Objects;

/**
 * Who publishes the OCDS data: the finance bureau that runs the platform.
 *
 * @param name e.g. "某市财政局"
 * @param scheme the identifier scheme of {@code uid}, e.g. {@link Organization#SCHEME}, or {@code
 *     null}
 * @param uid the publisher's identifier in that scheme, or {@code null}
 * @param uri the publisher's web address, or {@code null}
 */
public record Publisher(String name, String scheme, String uid, URI uri) {
    public Publisher {
        Objects.requireNonNull(name, "The publisher's name is required.");
    }

    /** The publisher as a platform organization, identified by its credit code if it has one. */
    public static Publisher of(Organization o, URI uri) {
        return o.creditCode() == null
                ? new Publisher(o.name(), null, null, uri)
                : new Publisher(o.name(), Organization.SCHEME, o.creditCode(), uri);
    }
}
