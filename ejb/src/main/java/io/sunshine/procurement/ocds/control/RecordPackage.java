package io.sunshine.procurement.ocds.control;

import io.sunshine.platform.control.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;

/**
 * An OCDS record package: records (see {@link RecordCompiler}) with the publishing metadata.
 *
 * <pre>{@code
 * JsonObject pkg = RecordPackage.build(header, List.of(releasesUri), List.of(record));
 * }</pre>
 */
public final class RecordPackage {
    private RecordPackage() {}

    /**
     * @param packages the release packages the records were compiled from (may be empty)
     * @param records at least one record
     */
    public static JsonObject build(
            PackageHeader header, List<URI> packages, List<JsonObject> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("A record package holds at least one record.");
        }
        JsonArrayBuilder r = Jsonp.PROVIDER.createArrayBuilder();
        records.forEach(r::add);
        var h = header.toJson();
        if (!packages.isEmpty()) {
            JsonArrayBuilder p = Jsonp.PROVIDER.createArrayBuilder();
            packages.forEach(u -> p.add(u.toString()));
            h.add("packages", p);
        }
        return h.add("records", r).build();
    }
}
