package io.sunshine.procurement.auction.control;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names bidders see of each other until the result is published: 供应商A, 供应商B, … Z, then AA, AB,
 * …. The order is that of SHA-256(salt ‖ supplier id) — the salt is the auction's own random secret
 * — so an alias says nothing about who enrolled or bid first, and is stable for the whole auction
 * (a reconnecting client sees the same names).
 */
public final class Aliases {
    public static final String PREFIX = "供应商";

    private Aliases() {}

    public static Map<Long, String> assign(List<Long> bidders, byte[] salt) {
        if (salt == null || salt.length < 16) {
            throw new IllegalArgumentException("An alias salt of at least 16 bytes is required.");
        }
        Map<Long, byte[]> keys = new HashMap<>();
        for (Long b : bidders) {
            keys.put(b, digest(salt, b));
        }
        List<Long> order =
                bidders.stream()
                        .distinct()
                        .sorted(Comparator.comparing(keys::get, Arrays::compareUnsigned))
                        .toList();
        Map<Long, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            aliases.put(order.get(i), PREFIX + letters(i));
        }
        return aliases;
    }

    /** 0 → A, 25 → Z, 26 → AA, 27 → AB, … (spreadsheet column letters). */
    static String letters(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    private static byte[] digest(byte[] salt, long bidder) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            d.update(ByteBuffer.allocate(Long.BYTES).putLong(bidder).array());
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
