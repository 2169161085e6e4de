package io.sunshine.procurement.ocds.control;

import io.sunshine.platform.control.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the releases of one contracting process into an OCDS record: every release, and the
 * compiled release that merges them in date order.
 *
 * <p>The merge follows the OCDS 1.1 merging rules for what {@link ReleaseBuilder} writes:
 *
 * <ul>
 *   <li>releases are applied oldest first (by {@code date}, then in the given order);
 *   <li>an object is merged field by field; a later value replaces an earlier one; a later {@code
 *       null} removes the field;
 *   <li>an array whose entries are all objects with an {@code id} is merged by identity: entries
 *       with the same id are merged, new ids are appended in order;
 *   <li>any other array (strings such as {@code roles}, {@code submissionMethod}, or objects
 *       without id) is replaced whole;
 *   <li>{@code tag} and the release {@code id} are omitted when merged ({@code omitWhenMerged});
 *       the compiled release gets tag {@code compiled}, the date of the newest release, and the id
 *       {@code ocid-date}.
 * </ul>
 *
 * Fields the schema marks {@code wholeListMerge} (e.g. {@code additionalIdentifiers}) are not
 * written by the builder; add them here before writing them.
 */
public final class RecordCompiler {
    private static final Set<String> OMIT_WHEN_MERGED = Set.of("tag", "id");

    private RecordCompiler() {}

    /** The record of the given releases, which must share one ocid. */
    public static JsonObject compile(List<JsonObject> releases) {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("A record needs at least one release.");
        }
        String ocid = releases.get(0).getString("ocid");
        for (JsonObject r : releases) {
            if (!ocid.equals(r.getString("ocid"))) {
                throw new IllegalArgumentException(
                        "Releases of different ocids: " + ocid + ", " + r.getString("ocid"));
            }
        }
        List<JsonObject> ordered = new ArrayList<>(releases);
        ordered.sort(
                Comparator.comparing(r -> OffsetDateTime.parse(r.getString("date")).toInstant()));

        Map<String, Object> merged = new LinkedHashMap<>();
        for (JsonObject r : ordered) {
            for (Map.Entry<String, JsonValue> e : r.entrySet()) {
                if (!OMIT_WHEN_MERGED.contains(e.getKey())) {
                    put(merged, e.getKey(), e.getValue());
                }
            }
        }
        String date = ordered.get(ordered.size() - 1).getString("date");
        JsonObjectBuilder compiled =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("ocid", ocid)
                        .add("id", ocid + "-" + date)
                        .add("date", date)
                        .add("tag", Jsonp.PROVIDER.createArrayBuilder().add("compiled"));
        for (Map.Entry<String, Object> e : merged.entrySet()) {
            if (!e.getKey().equals("ocid") && !e.getKey().equals("date")) {
                compiled.add(e.getKey(), toJson(e.getValue()));
            }
        }
        JsonArrayBuilder all = Jsonp.PROVIDER.createArrayBuilder();
        ordered.forEach(all::add);
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("ocid", ocid)
                .add("releases", all)
                .add("compiledRelease", compiled)
                .build();
    }

    /** Merges one value into a field of a merged object. */
    private static void put(Map<String, Object> target, String key, JsonValue value) {
        switch (value.getValueType()) {
            case NULL -> target.remove(key);
            case OBJECT -> {
                Map<String, Object> into =
                        target.get(key) instanceof Map<?, ?> existing
                                ? cast(existing)
                                : new LinkedHashMap<>();
                mergeObject(into, value.asJsonObject());
                target.put(key, into);
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (isIdentified(array) && target.get(key) instanceof List<?> existing) {
                    target.put(key, mergeById(castList(existing), array));
                } else if (isIdentified(array)) {
                    target.put(key, mergeById(new ArrayList<>(), array));
                } else {
                    target.put(key, value);
                }
            }
            default -> target.put(key, value);
        }
    }

    private static void mergeObject(Map<String, Object> into, JsonObject source) {
        for (Map.Entry<String, JsonValue> e : source.entrySet()) {
            put(into, e.getKey(), e.getValue());
        }
    }

    private static List<Object> mergeById(List<Object> existing, JsonArray array) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Object o : existing) {
            if (o instanceof Map<?, ?> m && m.get("id") instanceof JsonValue id) {
                byId.put(idOf(id), cast(m));
            }
        }
        List<Object> out = new ArrayList<>(existing);
        for (JsonValue v : array) {
            JsonObject entry = v.asJsonObject();
            String id = idOf(entry.get("id"));
            Map<String, Object> into = byId.get(id);
            if (into == null) {
                into = new LinkedHashMap<>();
                byId.put(id, into);
                out.add(into);
            }
            mergeObject(into, entry);
        }
        return out;
    }

    /** An array merged by identity: not empty, and every entry an object with an id. */
    private static boolean isIdentified(JsonArray array) {
        return !array.isEmpty()
                && array.stream()
                        .allMatch(
                                v ->
                                        v.getValueType() == JsonValue.ValueType.OBJECT
                                                && v.asJsonObject().containsKey("id"));
    }

    /** Ids compare as strings: OCDS allows an id to be a string or an integer. */
    private static String idOf(JsonValue id) {
        return id instanceof JsonString s ? s.getString() : id.toString();
    }

    private static JsonValue toJson(Object o) {
        if (o instanceof JsonValue v) {
            return v;
        }
        if (o instanceof Map<?, ?> m) {
            JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
            m.forEach((k, v) -> b.add((String) k, toJson(v)));
            return b.build();
        }
        JsonArrayBuilder b = Jsonp.PROVIDER.createArrayBuilder();
        for (Object v : (List<?>) o) {
            b.add(toJson(v));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }
}
