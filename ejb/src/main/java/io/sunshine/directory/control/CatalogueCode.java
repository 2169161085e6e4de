package io.sunshine.directory.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A code of the 政府采购品目分类目录 (财库〔2022〕31号, in force from 2023-01-01): the category letter (A 货物
 * goods, B 工程 works, C 服务 services) and eight digits in four pairs, one pair per level, padded with
 * {@code 00} below the item's own level. The bare letter is the root of its category.
 *
 * <pre>{@code
 * CatalogueCode c = CatalogueCode.parse("A02010105").orElseThrow(); // 台式计算机
 * c.depth();   // 4
 * c.parent();  // "A02010100" (计算机) → "A02010000" → "A02000000" → "A"
 * }</pre>
 *
 * <p>The 2013 edition wrote codes without padding ({@code A020101}) and is not accepted: its codes
 * mean different items.
 */
public record CatalogueCode(String value) {
    public static final int PAIRS = 4;
    private static final Pattern SHAPE = Pattern.compile("[ABC]([0-9]{8})?");
    private static final String ZERO_PAIR = "00";

    public CatalogueCode {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException("Not a catalogue code: " + value);
        }
    }

    /** The code, upper-cased and trimmed, if it has the shape of the 2022 catalogue. */
    public static Optional<CatalogueCode> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        return isValid(v) ? Optional.of(new CatalogueCode(v)) : Optional.empty();
    }

    private static boolean isValid(String v) {
        if (!SHAPE.matcher(v).matches()) {
            return false;
        }
        if (v.length() == 1) {
            return true;
        }
        if (pair(v, 0).equals(ZERO_PAIR)) {
            return false; // A00000000 is not a code: the root is written "A"
        }
        boolean padding = false;
        for (int i = 0; i < PAIRS; i++) {
            boolean zero = pair(v, i).equals(ZERO_PAIR);
            if (padding && !zero) {
                return false; // a level under a padded level: A02000100
            }
            padding |= zero;
        }
        return true;
    }

    private static String pair(String v, int i) {
        return v.substring(1 + 2 * i, 3 + 2 * i);
    }

    /** A, B or C. */
    public String category() {
        return value.substring(0, 1);
    }

    /** 0 for the root letter, 1 to 4 for the levels below it. */
    public int depth() {
        if (value.length() == 1) {
            return 0;
        }
        int d = 0;
        while (d < PAIRS && !pair(value, d).equals(ZERO_PAIR)) {
            d++;
        }
        return d;
    }

    public boolean isRoot() {
        return value.length() == 1;
    }

    /**
     * The code one level up (its own last pair set to 00), the letter for level 1, null for a root.
     */
    public String parent() {
        int d = depth();
        if (d == 0) {
            return null;
        }
        if (d == 1) {
            return category();
        }
        int at = 1 + 2 * (d - 1);
        return value.substring(0, at) + ZERO_PAIR + value.substring(at + 2);
    }

    /**
     * The shortest prefix that every code of this item's subtree starts with: {@code A0201} for
     * A02010000, {@code A} for the root.
     */
    public String subtreePrefix() {
        return value.substring(0, 1 + 2 * depth());
    }

    @Override
    public String toString() {
        return value;
    }
}
