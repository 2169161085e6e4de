package io.sunshine.procurement.ocds.control;

import io.sunshine.platform.control.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * An OCDS release package: releases with the publishing metadata.
 *
 * <pre>{@code
 * JsonObject pkg = ReleasePackage.build(header, List.of(releases.build(notice)));
 * }</pre>
 */
public final class ReleasePackage {
    private ReleasePackage() {}

    /**
     * @param releases at least one release (the schema requires one); the API answers an empty page
     *     without a package
     */
    public static JsonObject build(PackageHeader header, List<JsonObject> releases) {
        return builder(header, releases).build();
    }

    /**
     * A page of a paged list: the package with its {@code links} ({@code next}, {@code prev}; see
     * {@link ReleaseQuery#links}), omitted when empty.
     */
    public static JsonObject build(
            PackageHeader header, List<JsonObject> releases, JsonObject links) {
        JsonObjectBuilder p = builder(header, releases);
        if (!links.isEmpty()) {
            p.add("links", links);
        }
        return p.build();
    }

    private static JsonObjectBuilder builder(PackageHeader header, List<JsonObject> releases) {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("A release package holds at least one release.");
        }
        JsonArrayBuilder r = Jsonp.PROVIDER.createArrayBuilder();
        releases.forEach(r::add);
        return header.toJson().add("releases", r);
    }
}
