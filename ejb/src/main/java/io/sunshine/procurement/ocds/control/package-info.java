/**
 * OCDS 1.1 open data: turns what the platform publishes (notices of a procurement project) into
 * Open Contracting Data Standard releases, wraps them into release packages and compiles records.
 *
 * <p>Plain Java with Jakarta JSON-P values and no container code, so the REST resources under
 * {@code /api/ocds} serve exactly what the unit tests check. (The official OCDS schema files could
 * not yet be vendored; see {@code ejb/src/test/resources/ocds/1.1/README.md}: nothing here has been
 * validated against them.) {@link NoticeMapping} turns the stored notice rows into {@link Notice}
 * records; {@link ReleaseQuery} is one page of the public release list.
 *
 * <pre>{@code
 * ReleaseBuilder releases = new ReleaseBuilder("ocds-abc123"); // the prefix registered with OCDS
 * JsonObject tender = releases.build(new Notice.Procurement(...));
 * JsonObject pkg = ReleasePackage.build(header, List.of(tender));
 * JsonObject record = RecordCompiler.compile(List.of(intention, tender, award));
 * }</pre>
 */
package io.sunshine.procurement.ocds.control;
