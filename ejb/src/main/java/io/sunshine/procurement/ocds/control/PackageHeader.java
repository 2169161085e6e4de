package io.sunshine.procurement.ocds.control;

import io.sunshine.platform.control.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The metadata of a release or record package.
 *
 * @param uri where this package can be fetched again (the API address that produced it)
 * @param publishedDate when the package was produced or, for a package built on demand, the last
 *     change of its contents
 * @param publisher who publishes
 * @param license the data licence, e.g. a Creative Commons licence URL
 * @param publicationPolicy the page that explains what the platform publishes and when
 */
public record PackageHeader(
        URI uri, Instant publishedDate, Publisher publisher, URI license, URI publicationPolicy) {

    /** The OCDS major.minor version the platform publishes. */
    public static final String VERSION = "1.1";

    public PackageHeader {
        Objects.requireNonNull(uri, "A package uri is required.");
        Objects.requireNonNull(publishedDate, "A package's published date is required.");
        Objects.requireNonNull(publisher, "A package's publisher is required.");
    }

    JsonObjectBuilder toJson() {
        JsonObjectBuilder p = Jsonp.PROVIDER.createObjectBuilder().add("name", publisher.name());
        if (publisher.scheme() != null) {
            p.add("scheme", publisher.scheme());
        }
        if (publisher.uid() != null) {
            p.add("uid", publisher.uid());
        }
        if (publisher.uri() != null) {
            p.add("uri", publisher.uri().toString());
        }
        JsonObjectBuilder h =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("uri", uri.toString())
                        .add("version", VERSION)
                        .add("publishedDate", OcdsDates.format(publishedDate))
                        .add("publisher", p);
        if (license != null) {
            h.add("license", license.toString());
        }
        if (publicationPolicy != null) {
            h.add("publicationPolicy", publicationPolicy.toString());
        }
        return h;
    }
}
