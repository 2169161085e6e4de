package io.sunshine.procurement.ocds.control;

import static io.sunshine.procurement.ocds.control.Samples.HEADER;
import static io.sunshine.procurement.ocds.control.Samples.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every release the platform builds is valid against the official OCDS 1.1 schema, vendored
 * unmodified in {@code src/test/resources/ocds/1.1/}. Skipped (and reported as skipped) while those
 * files are missing: see the README in that folder.
 */
class OfficialSchemaTest {
    private static SchemaCheck ocds;

    private final ReleaseBuilder releases = new ReleaseBuilder(PREFIX);

    /** Per test, so that each shows as skipped in the report while the files are missing. */
    @BeforeEach
    void officialSchema() {
        assumeTrue(
                SchemaCheck.officialFilesPresent(),
                "The official OCDS 1.1 schema files are not vendored in src/test/resources/"
                        + SchemaCheck.OFFICIAL_DIR
                        + " (see the README there): schema validation skipped");
        if (ocds == null) {
            ocds = SchemaCheck.official();
        }
        assertTrue(ocds.base().contains("/schema/1__1__"), "an OCDS 1.1.x schema: " + ocds.base());
    }

    @Test
    void vendoredFilesAreUnmodified() {
        assertEquals(List.of(), SchemaCheck.modifiedOfficialFiles());
    }

    static List<Notice> everyType() {
        return Samples.everyType();
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void eachNoticeTypeIsAValidReleaseInAReleasePackage(Notice notice) {
        JsonObject pkg = ReleasePackage.build(HEADER, List.of(releases.build(notice)));
        assertEquals(List.of(), ocds.validate("release-package-schema.json", pkg));
    }

    @Test
    void aPackageOfAWholeProcessIsValid() {
        List<JsonObject> all = Samples.everyType().stream().map(releases::build).toList();
        assertEquals(
                List.of(),
                ocds.validate("release-package-schema.json", ReleasePackage.build(HEADER, all)));
    }

    @Test
    void aRecordPackageWithTheCompiledReleaseIsValid() {
        JsonObject record =
                RecordCompiler.compile(
                        Samples.completedProcess().stream().map(releases::build).toList());
        JsonObject pkg = RecordPackage.build(HEADER, List.of(HEADER.uri()), List.of(record));
        assertEquals(List.of(), ocds.validate("record-package-schema.json", pkg));
    }

    @Test
    void aReleaseWithoutOcidIsInvalid() {
        JsonObject release = releases.build(Samples.procurement());
        JsonObject broken = Json.createObjectBuilder(release).remove("ocid").build();
        List<String> errors =
                ocds.validate(
                        "release-package-schema.json",
                        ReleasePackage.build(HEADER, List.of(broken)));
        assertFalse(errors.isEmpty(), "a release without ocid must fail");
        assertTrue(errors.stream().anyMatch(e -> e.contains("ocid")), errors.toString());
    }

    @Test
    void aClosedCodelistValueOrABadDateIsInvalid() {
        JsonObject release = releases.build(Samples.procurement());
        JsonObject tender =
                Json.createObjectBuilder(release.getJsonObject("tender"))
                        .add("procurementMethod", "公开招标")
                        .build();
        JsonObject badMethod = Json.createObjectBuilder(release).add("tender", tender).build();
        assertFalse(
                ocds.validate(
                                "release-package-schema.json",
                                ReleasePackage.build(HEADER, List.of(badMethod)))
                        .isEmpty(),
                "procurementMethod is a closed codelist");
        JsonObject badDate = Json.createObjectBuilder(release).add("date", "2026年3月2日").build();
        assertFalse(
                ocds.validate(
                                "release-package-schema.json",
                                ReleasePackage.build(HEADER, List.of(badDate)))
                        .isEmpty(),
                "date is a date-time");
    }
}
