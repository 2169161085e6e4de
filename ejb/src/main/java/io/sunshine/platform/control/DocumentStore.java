package io.sunshine.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploaded files on disk, under one storage root, each under a random name of 256 bits that says
 * nothing of its owner or content: nobody can guess a path, and the uploader's own file name never
 * reaches the file system. Files are served only through the registry's checked downloads, never
 * from this folder directly.
 *
 * <pre>{@code
 * DocumentStore store = new DocumentStore(Path.of("/srv/sunshine/storage"));
 * DocumentStore.Stored s = store.put(bytes); // s.storageName(), s.sha256()
 * byte[] back = store.get(s.storageName());
 * }</pre>
 *
 * <p>In a cluster every instance must see the same root (a shared volume); the name is random, so
 * two instances never write the same file.
 */
public final class DocumentStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Path root;

    /** A stored file: its random name and the SHA-256 of its content (hex). */
    public record Stored(String storageName, String sha256, long size) {}

    /**
     * The store of one area ("qualification", "procurement") under the storage root: the MP config
     * {@code sunshine.storage.dir}, else {@code sunshine-storage} in the Payara domain (or the
     * temporary directory outside a server).
     */
    public static DocumentStore area(Optional<String> storageDir, String area) {
        String dir =
                storageDir
                        .filter(s -> !s.isBlank())
                        .orElseGet(
                                () -> {
                                    String instance =
                                            System.getProperty("com.sun.aas.instanceRoot");
                                    return (instance != null
                                                    ? instance
                                                    : System.getProperty("java.io.tmpdir"))
                                            + "/sunshine-storage";
                                });
        return new DocumentStore(Path.of(dir, area));
    }

    public DocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Stored put(byte[] content) {
        try {
            for (int attempt = 0; ; attempt++) {
                String name = randomName();
                Path file = pathOf(name);
                createPrivateDirectories(file.getParent());
                try {
                    Files.write(file, content, StandardOpenOption.CREATE_NEW);
                    return new Stored(name, sha256(content), content.length);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 3) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an uploaded file under " + root, e);
        }
    }

    public byte[] get(String storageName) {
        try {
            return Files.readAllBytes(pathOf(storageName));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored file " + storageName, e);
        }
    }

    /** Removes a file (a rolled-back upload); quietly nothing when it is not there. */
    public void delete(String storageName) {
        try {
            Files.deleteIfExists(pathOf(storageName));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete stored file " + storageName, e);
        }
    }

    /** Only names this store made resolve to a path: no traversal out of the root. */
    Path pathOf(String storageName) {
        if (storageName == null || !NAME.matcher(storageName).matches()) {
            throw new IllegalArgumentException("Not a storage name: " + storageName);
        }
        return root.resolve(storageName.substring(0, 2)).resolve(storageName);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String randomName() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder keeps its default permissions
        }
    }
}
