package io.sunshine.procurement.ocds.control;

import static io.sunshine.procurement.ocds.control.Samples.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator plumbing itself, against a small fixture schema (not OCDS) in {@code
 * ocds/harness/}: draft-04, {@code $ref} by canonical id read from the classpath, required fields,
 * enums and date-time formats are really checked. Runs whether or not the official files are
 * vendored.
 */
class SchemaHarnessTest {
    private final SchemaCheck harness = new SchemaCheck("ocds/harness/", "release-schema.json");
    private final JsonObject release = new ReleaseBuilder(PREFIX).build(Samples.procurement());

    private List<String> validate(JsonObject r) {
        return harness.validate(
                "release-package-schema.json", ReleasePackage.build(Samples.HEADER, List.of(r)));
    }

    @Test
    void aBuiltReleaseInItsPackagePasses() {
        assertEquals("https://harness.invalid/schema/0__0__1/", harness.base());
        assertEquals(List.of(), validate(release));
    }

    @Test
    void aMissingOcidInTheReferencedReleaseSchemaIsReported() {
        List<String> errors = validate(Json.createObjectBuilder(release).remove("ocid").build());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("ocid"), errors.toString());
    }

    @Test
    void aTagOutsideTheEnumAndALocalDateAreReported() {
        JsonObject bad =
                Json.createObjectBuilder(release)
                        .add("tag", Json.createArrayBuilder().add("中标"))
                        .add("date", "2026-03-02 09:30")
                        .build();
        assertEquals(2, validate(bad).size(), validate(bad).toString());
    }
}
