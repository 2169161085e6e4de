package io.sunshine.procurement.ocds.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Validates JSON against a set of draft-04 schemas kept on the test classpath, each found by its
 * canonical id: {@code $ref}s to {@code <canonical base>/x.json} are read from {@code <classpath
 * dir>/x.json}, never from the network. Format assertions (date-time, uri) are on.
 *
 * <pre>{@code
 * SchemaCheck ocds = SchemaCheck.official();
 * List<String> errors = ocds.validate("release-package-schema.json", pkg);
 * }</pre>
 */
final class SchemaCheck {
    /** Where the official OCDS 1.1 schema files are vendored (see the README there). */
    static final String OFFICIAL_DIR = "ocds/1.1/";

    static final List<String> OFFICIAL_FILES =
            List.of(
                    "release-schema.json",
                    "release-package-schema.json",
                    "record-package-schema.json",
                    "versioned-release-validation-schema.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /**
     * @param classpathDir the folder holding the schema files
     * @param anchorFile a file whose {@code id} gives the canonical base of all of them
     */
    SchemaCheck(String classpathDir, String anchorFile) {
        String id = read(classpathDir + anchorFile).get("id").asText();
        this.base = id.substring(0, id.lastIndexOf('/') + 1);
        this.factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V4,
                        b -> b.schemaMappers(m -> m.mapPrefix(base, "classpath:" + classpathDir)));
    }

    /** The official OCDS 1.1 schemas, whichever 1.1.x patch release is vendored. */
    static SchemaCheck official() {
        return new SchemaCheck(OFFICIAL_DIR, "release-schema.json");
    }

    /** Whether every official file is vendored; the schema tests are skipped, loudly, if not. */
    static boolean officialFilesPresent() {
        return OFFICIAL_FILES.stream()
                .allMatch(
                        f ->
                                SchemaCheck.class.getClassLoader().getResource(OFFICIAL_DIR + f)
                                        != null);
    }

    /**
     * The files listed in {@code SHA256SUMS} (as {@code sha256sum} writes it) whose content no
     * longer matches; fails if the list is missing.
     */
    static List<String> modifiedOfficialFiles() {
        String sums;
        try (InputStream in =
                SchemaCheck.class
                        .getClassLoader()
                        .getResourceAsStream(OFFICIAL_DIR + "SHA256SUMS")) {
            if (in == null) {
                throw new IllegalStateException(
                        "Vendored OCDS schema files need their SHA256SUMS in " + OFFICIAL_DIR);
            }
            sums = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> modified = new ArrayList<>();
        for (String line : sums.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+\\*?", 2);
            String file = parts[1];
            try (InputStream in =
                    SchemaCheck.class.getClassLoader().getResourceAsStream(OFFICIAL_DIR + file)) {
                if (in == null) {
                    modified.add(file + " (missing)");
                    continue;
                }
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                if (!HexFormat.of().formatHex(digest).equalsIgnoreCase(parts[0])) {
                    modified.add(file);
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                modified.add(file + " (" + e + ")");
            }
        }
        return modified;
    }

    /** The canonical base of the schemas, e.g. {@code .../schema/1__1__5/}. */
    String base() {
        return base;
    }

    /** The validation errors of {@code json} against the schema file {@code schemaFile}. */
    List<String> validate(String schemaFile, JsonObject json) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(base + schemaFile), config);
        return schema.validate(json.toString(), InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing on the test classpath: " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
