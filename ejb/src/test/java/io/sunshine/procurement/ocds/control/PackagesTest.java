package io.sunshine.procurement.ocds.control;

import static io.sunshine.procurement.ocds.control.Samples.HEADER;
import static io.sunshine.procurement.ocds.control.Samples.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagesTest {
    private final ReleaseBuilder releases = new ReleaseBuilder(PREFIX);

    @Test
    void releasePackageCarriesThePublishingMetadataAndVersion11() {
        JsonObject pkg = ReleasePackage.build(HEADER, List.of(releases.build(Samples.award())));
        assertEquals("1.1", pkg.getString("version"));
        assertEquals(
                "https://ccgp.linjiang.example.cn/api/ocds/releases?page=1", pkg.getString("uri"));
        assertEquals("2026-07-12T10:05:00+08:00", pkg.getString("publishedDate"));
        JsonObject publisher = pkg.getJsonObject("publisher");
        assertEquals("临江市财政局", publisher.getString("name"));
        assertEquals("CN-USCC", publisher.getString("scheme"));
        assertEquals("11320100014123456K", publisher.getString("uid"));
        assertEquals("https://czj.linjiang.example.cn/", publisher.getString("uri"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", pkg.getString("license"));
        assertEquals(
                "https://ccgp.linjiang.example.cn/open-data/policy",
                pkg.getString("publicationPolicy"));
        assertEquals("JG-2026-0401", pkg.getJsonArray("releases").getJsonObject(0).getString("id"));
    }

    @Test
    void licenceAndPolicyAreLeftOutWhenNotConfigured() {
        PackageHeader bare =
                new PackageHeader(
                        HEADER.uri(),
                        HEADER.publishedDate(),
                        new Publisher("临江市财政局", null, null, null),
                        null,
                        null);
        JsonObject pkg = ReleasePackage.build(bare, List.of(releases.build(Samples.award())));
        assertFalse(pkg.containsKey("license"));
        assertFalse(pkg.containsKey("publicationPolicy"));
        assertEquals(List.of("name"), List.copyOf(pkg.getJsonObject("publisher").keySet()));
    }

    @Test
    void recordPackageListsItsSourcePackagesAndRecords() {
        JsonObject record =
                RecordCompiler.compile(
                        Samples.completedProcess().stream().map(releases::build).toList());
        URI source = URI.create("https://ccgp.linjiang.example.cn/api/ocds/releases?page=1");
        JsonObject pkg = RecordPackage.build(HEADER, List.of(source), List.of(record));
        assertEquals("1.1", pkg.getString("version"));
        assertEquals(source.toString(), pkg.getJsonArray("packages").getString(0));
        assertEquals(
                "ocds-lj2026-LJCG-2026-0042",
                pkg.getJsonArray("records").getJsonObject(0).getString("ocid"));
    }

    @Test
    void anEmptyPackageIsRefusedBecauseTheSchemaRequiresOneEntry() {
        assertThrows(IllegalArgumentException.class, () -> ReleasePackage.build(HEADER, List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> RecordPackage.build(HEADER, List.of(), List.of()));
    }

    @Test
    void aPageOfTheListCarriesItsLinksAndAnOnlyPageNone() {
        ReleaseQuery second = new ReleaseQuery(null, null, 2, 1);
        URI list = URI.create("https://ccgp.linjiang.example.cn/api/ocds/releases");
        JsonObject pkg =
                ReleasePackage.build(
                        HEADER, List.of(releases.build(Samples.award())), second.links(list, true));
        assertEquals(list + "?page=3&size=1", pkg.getJsonObject("links").getString("next"));
        assertEquals(list + "?page=1&size=1", pkg.getJsonObject("links").getString("prev"));
        JsonObject only =
                ReleasePackage.build(
                        HEADER,
                        List.of(releases.build(Samples.award())),
                        new ReleaseQuery(null, null, 1, 10).links(list, false));
        assertFalse(only.containsKey("links"));
    }

    @Test
    void aPublisherWithoutCreditCodeClaimsNoScheme() {
        Publisher p = Publisher.of(new Organization("临江市财政局", null, null, null, null, "7"), null);
        assertEquals(new Publisher("临江市财政局", null, null, null), p);
    }
}
