package io.sunshine.procurement.requirement.control;

import java.util.Optional;

/**
 * The three parts of the 政府采购品目分类目录, named by the first letter of a catalogue code: A goods (货物), B
 * works (工程), C services (服务).
 */
public enum Category {
    A,
    B,
    C;

    public static Optional<Category> ofCode(String catalogueCode) {
        if (catalogueCode == null || catalogueCode.isEmpty()) {
            return Optional.empty();
        }
        return switch (catalogueCode.charAt(0)) {
            case 'A' -> Optional.of(A);
            case 'B' -> Optional.of(B);
            case 'C' -> Optional.of(C);
            default -> Optional.empty();
        };
    }
}
