package io.sunshine.procurement.ocds.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("A release package holds at least one release.");
        }
        JsonArrayBuilder r = Json.createArrayBuilder();
        releases.forEach(r::add);
        return header.toJson().add("releases", r).build();
    }
}
