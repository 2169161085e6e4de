package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CertificateAuthority;
import io.sunshine.directory.control.MasterKey;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's certificate authority and master key, held for the life of the application.
 *
 * <p>The root is kept <em>outside the database and the repository</em>, in {@code sunshine.ca.dir}
 * ({@code root/root.pem}, and {@code root/root-key.bin}: the PKCS#8 key wrapped under the master
 * key). It is created at the first start and loaded at every later one.
 *
 * <p>Two instances starting at once (a cluster sharing the directory) must not make two roots: each
 * writes its candidate into a fresh temporary directory beside {@code root/} and renames that
 * directory to {@code root} atomically. A rename onto a directory that exists and is not empty
 * fails, so exactly one candidate becomes {@code root}; the loser deletes its own and loads the
 * winner's. Readers never see half a root, because the files appear together with the directory.
 *
 * <p>A missing or malformed master key or CA directory does not stop the application (everything
 * but signing works); it is logged as SEVERE at start and every signing call is refused with
 * SERVICE_UNAVAILABLE until the configuration is fixed.
 */
@Singleton
@Startup
@PermitAll
@Lock(LockType.READ)
public class PlatformCa {
    private static final Logger LOG = Logger.getLogger(PlatformCa.class.getName());
    public static final String PLATFORM_NAME = "阳光采购平台";
    static final String ROOT_KEY_PURPOSE = "platform-ca-root";

    @Inject
    @ConfigProperty(name = MasterKey.CONFIG_KEY)
    Optional<String> masterKeyText;

    @Inject
    @ConfigProperty(name = "sunshine.ca.dir")
    Optional<String> caDir;

    @Inject Clock clock;

    private MasterKey masterKey;
    private CertificateAuthority authority;
    private String unavailable;

    @PostConstruct
    void start() {
        try {
            masterKey = MasterKey.fromBase64(masterKeyText.orElse(null));
            if (caDir.isEmpty() || caDir.get().isBlank()) {
                throw new IllegalStateException(
                        "sunshine.ca.dir is not configured: the directory that keeps the platform"
                                + " CA's root certificate and its wrapped key");
            }
            authority = loadOrCreate(Path.of(caDir.get()));
            LOG.info(
                    () ->
                            "Platform CA root "
                                    + authority.root().getSerialNumber().toString(16)
                                    + " valid until "
                                    + authority.root().getNotAfter().toInstant());
        } catch (RuntimeException e) {
            unavailable = e.getMessage();
            LOG.log(
                    Level.SEVERE,
                    "Signing is unavailable: {0}. Organisation certificates can neither be issued"
                            + " nor used until this is fixed.",
                    e.getMessage());
        }
    }

    /** The master key; refuses with SERVICE_UNAVAILABLE when it is not configured. */
    public MasterKey masterKey() {
        requireAvailable();
        return masterKey;
    }

    public CertificateAuthority authority() {
        requireAvailable();
        return authority;
    }

    public X509Certificate root() {
        return authority().root();
    }

    public boolean available() {
        return unavailable == null;
    }

    private void requireAvailable() {
        if (unavailable != null) {
            throw new Refusal(ProblemCode.SERVICE_UNAVAILABLE, null);
        }
    }

    private CertificateAuthority loadOrCreate(Path dir) {
        Path root = dir.resolve("root");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(root)) {
                create(dir, root);
            }
            return load(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the platform CA in " + dir, e);
        }
    }

    private void create(Path dir, Path root) throws IOException {
        Path candidate = dir.resolve(".root-" + UUID.randomUUID());
        Files.createDirectory(candidate);
        try {
            setOwnerOnly(candidate, "rwx------");
            CertificateAuthority ca =
                    CertificateAuthority.createRoot(PLATFORM_NAME, clock.instant());
            Path key = candidate.resolve("root-key.bin");
            Files.write(key, masterKey.wrap(ca.rootKey().getEncoded(), ROOT_KEY_PURPOSE));
            setOwnerOnly(key, "rw-------");
            Files.writeString(
                    candidate.resolve("root.pem"),
                    CertificateAuthority.toPem(ca.root()),
                    StandardCharsets.US_ASCII);
            try {
                Files.move(candidate, root, StandardCopyOption.ATOMIC_MOVE);
                LOG.info(() -> "Created the platform CA root in " + root);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                LOG.info("Another instance created the platform CA root first; using it");
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The CA directory must allow atomic renames: " + dir, e);
            }
        } finally {
            deleteTree(candidate);
        }
    }

    private CertificateAuthority load(Path root) throws IOException {
        X509Certificate cert =
                CertificateAuthority.fromPem(
                        Files.readString(root.resolve("root.pem"), StandardCharsets.US_ASCII));
        byte[] pkcs8;
        try {
            pkcs8 =
                    masterKey.unwrap(
                            Files.readAllBytes(root.resolve("root-key.bin")), ROOT_KEY_PURPOSE);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The platform CA key in "
                            + root
                            + " does not open with the configured master key (was the master key"
                            + " replaced?)");
        }
        PrivateKey key = CertificateAuthority.privateKey("RSA", pkcs8);
        java.util.Arrays.fill(pkcs8, (byte) 0);
        return new CertificateAuthority(cert, key);
    }

    private static void setOwnerOnly(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException e) {
            // the CA's files are readable by anyone who can read the directory: say so
            LOG.warning(
                    () -> "Could not make " + p + " readable by its owner only (" + perms + ")");
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
