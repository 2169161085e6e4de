package io.sunshine.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A <strong>structural check</strong> of OCDS 1.1 packages and releases: the fields the OCDS 1.1
 * documentation requires, their JSON types, the closed codelists of what we write (tag,
 * initiationType), RFC 3339 dates, and that every organization reference names a party.
 *
 * <p>It is <em>not</em> validation against the official JSON schema (whose files could not be
 * obtained on the build machines; see {@code ejb/src/test/resources/ocds/1.1/README.md}): it checks
 * less than the schema does, and was written from the documentation's list of required fields, not
 * from the schema.
 *
 * <pre>{@code
 * List<String> problems = OcdsStructure.releasePackage(pkg);
 * assertEquals(List.of(), problems);
 * }</pre>
 */
public final class OcdsStructure {
    /** The release tag codelist of OCDS 1.1 (closed). */
    static final Set<String> TAGS =
            Set.of(
                    "planning",
                    "planningUpdate",
                    "tender",
                    "tenderAmendment",
                    "tenderUpdate",
                    "tenderCancellation",
                    "award",
                    "awardUpdate",
                    "awardCancellation",
                    "contract",
                    "contractUpdate",
                    "contractAmendment",
                    "implementation",
                    "implementationUpdate",
                    "contractTermination",
                    "compiled");

    private OcdsStructure() {}

    /** What is wrong with a release package (empty when nothing). */
    public static List<String> releasePackage(JsonObject pkg) {
        List<String> out = new ArrayList<>();
        packageMetadata(pkg, out);
        JsonArray releases = array(pkg, "releases", "package", out);
        if (releases != null) {
            if (releases.isEmpty()) {
                out.add("package: releases is empty");
            }
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < releases.size(); i++) {
                JsonObject r = releases.getJsonObject(i);
                out.addAll(release(r, "releases[" + i + "]"));
                if (!keys.add(r.getString("ocid", "") + "/" + r.getString("id", ""))) {
                    out.add("releases[" + i + "]: ocid and id repeat an earlier release");
                }
            }
        }
        return out;
    }

    /** What is wrong with a record package (empty when nothing). */
    public static List<String> recordPackage(JsonObject pkg) {
        List<String> out = new ArrayList<>();
        packageMetadata(pkg, out);
        JsonArray records = array(pkg, "records", "package", out);
        if (records != null) {
            if (records.isEmpty()) {
                out.add("package: records is empty");
            }
            for (int i = 0; i < records.size(); i++) {
                String where = "records[" + i + "]";
                JsonObject record = records.getJsonObject(i);
                String ocid = string(record, "ocid", where, out);
                JsonArray releases = array(record, "releases", where, out);
                if (releases != null) {
                    if (releases.isEmpty()) {
                        out.add(where + ": releases is empty");
                    }
                    for (int j = 0; j < releases.size(); j++) {
                        JsonObject r = releases.getJsonObject(j);
                        out.addAll(release(r, where + ".releases[" + j + "]"));
                        if (ocid != null && !ocid.equals(r.getString("ocid", null))) {
                            out.add(where + ".releases[" + j + "]: ocid differs from the record's");
                        }
                    }
                }
                if (record.containsKey("compiledRelease")) {
                    JsonObject c = record.getJsonObject("compiledRelease");
                    out.addAll(release(c, where + ".compiledRelease"));
                    if (!List.of("compiled").equals(strings(c.getJsonArray("tag")))) {
                        out.add(where + ".compiledRelease: tag is not [compiled]");
                    }
                }
            }
        }
        return out;
    }

    /** What is wrong with one release. */
    public static List<String> release(JsonObject r, String where) {
        List<String> out = new ArrayList<>();
        string(r, "ocid", where, out);
        string(r, "id", where, out);
        date(r, "date", where, out);
        JsonArray tag = array(r, "tag", where, out);
        if (tag != null) {
            if (tag.isEmpty()) {
                out.add(where + ": tag is empty");
            }
            for (JsonValue t : tag) {
                if (!(t instanceof JsonString s) || !TAGS.contains(s.getString())) {
                    out.add(where + ": tag " + t + " is not in the release tag codelist");
                }
            }
        }
        String initiation = string(r, "initiationType", where, out);
        if (initiation != null && !initiation.equals("tender")) {
            out.add(where + ": initiationType " + initiation + " is not in its codelist");
        }
        references(r, where, out);
        return out;
    }

    /** Every organization reference (buyer, procuringEntity, tenderers, suppliers) is a party. */
    private static void references(JsonObject r, String where, List<String> out) {
        Set<String> parties = new HashSet<>();
        if (r.containsKey("parties")) {
            for (JsonValue p : r.getJsonArray("parties")) {
                String id = string(p.asJsonObject(), "id", where + ".parties[]", out);
                if (id != null && !parties.add(id)) {
                    out.add(where + ": party " + id + " appears twice");
                }
                array(p.asJsonObject(), "roles", where + ".parties[" + id + "]", out);
            }
        }
        List<JsonObject> refs = new ArrayList<>();
        if (r.containsKey("buyer")) {
            refs.add(r.getJsonObject("buyer"));
        }
        if (r.containsKey("tender")) {
            JsonObject t = r.getJsonObject("tender");
            if (t.containsKey("procuringEntity")) {
                refs.add(t.getJsonObject("procuringEntity"));
            }
            if (t.containsKey("tenderers")) {
                t.getJsonArray("tenderers").forEach(v -> refs.add(v.asJsonObject()));
            }
        }
        for (JsonObject ref : refs) {
            String id = string(ref, "id", where + " (organization reference)", out);
            if (id != null && !parties.contains(id)) {
                out.add(where + ": organization reference " + id + " is not among the parties");
            }
        }
    }

    private static void packageMetadata(JsonObject pkg, List<String> out) {
        String uri = string(pkg, "uri", "package", out);
        if (uri != null && !uri.matches("https?://.+")) {
            out.add("package: uri is not absolute: " + uri);
        }
        date(pkg, "publishedDate", "package", out);
        if (!"1.1".equals(pkg.getString("version", null))) {
            out.add("package: version is not \"1.1\"");
        }
        if (!(pkg.get("publisher") instanceof JsonObject publisher)) {
            out.add("package: publisher is missing");
        } else {
            string(publisher, "name", "package.publisher", out);
        }
    }

    private static String string(JsonObject o, String field, String where, List<String> out) {
        if (o.get(field) instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        out.add(where + ": " + field + " is missing or not a non-empty string");
        return null;
    }

    private static JsonArray array(JsonObject o, String field, String where, List<String> out) {
        if (o.get(field) instanceof JsonArray a) {
            return a;
        }
        out.add(where + ": " + field + " is missing or not an array");
        return null;
    }

    private static void date(JsonObject o, String field, String where, List<String> out) {
        String d = string(o, field, where, out);
        if (d != null) {
            try {
                OffsetDateTime.parse(d);
            } catch (DateTimeParseException e) {
                out.add(where + ": " + field + " is not an RFC 3339 date-time: " + d);
            }
        }
    }

    private static List<String> strings(JsonArray a) {
        return a == null
                ? List.of()
                : a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
