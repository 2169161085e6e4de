package io.sunshine.supervision.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: each row's hash is SHA-256(previous row's hash ‖ canonical
 * form of the row), so removing, inserting or altering any row breaks every hash after it.
 *
 * <p>The canonical form is the row's sequence number and fields in a fixed order, each written as
 * {@code <length>:<value>;} (length in UTF-8 bytes; a null as {@code -:;}), so no two different
 * rows share a form. Times are cut to whole milliseconds, which both PostgreSQL and H2 store
 * exactly.
 */
public final class AuditChain {
    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static Instant normalise(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String canonical(long seq, AuditRecord r) {
        StringBuilder b = new StringBuilder(256);
        field(b, Long.toString(seq));
        field(b, normalise(r.occurredAt()).toString());
        field(b, r.actor());
        field(b, r.actorRoles());
        field(b, r.organisation());
        field(b, r.clientAddress());
        field(b, r.action());
        field(b, r.objectType());
        field(b, r.objectId());
        field(b, r.before());
        field(b, r.after());
        return b.toString();
    }

    public static String hash(String previousHash, long seq, AuditRecord r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical(seq, r).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-:;");
        } else {
            b.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value)
                    .append(';');
        }
    }
}
