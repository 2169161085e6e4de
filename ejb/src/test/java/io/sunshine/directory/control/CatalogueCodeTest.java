package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogueCodeTest {

    @Test
    void aLeafClimbsToItsRootOnePairAtATime() {
        CatalogueCode desktop = CatalogueCode.parse("A02010105").orElseThrow();
        assertEquals(4, desktop.depth());
        assertEquals("A", desktop.category());
        assertEquals("A02010100", desktop.parent());
        CatalogueCode computers = CatalogueCode.parse(desktop.parent()).orElseThrow();
        assertEquals("A02010000", computers.parent());
        assertEquals("A02000000", CatalogueCode.parse("A02010000").orElseThrow().parent());
        assertEquals("A", CatalogueCode.parse("A02000000").orElseThrow().parent());
        assertNull(CatalogueCode.parse("A").orElseThrow().parent());
    }

    @Test
    void theCategoryIsTheFirstLetter() {
        assertEquals("B", CatalogueCode.parse("B07000000").orElseThrow().category());
        assertEquals("C", CatalogueCode.parse("c21040000").orElseThrow().category());
        assertEquals(2, CatalogueCode.parse("C21040000").orElseThrow().depth());
    }

    @Test
    void theSubtreePrefixFindsEveryDescendant() {
        assertEquals("A0201", CatalogueCode.parse("A02010000").orElseThrow().subtreePrefix());
        assertEquals("A", CatalogueCode.parse("A").orElseThrow().subtreePrefix());
        assertTrue(
                "A02010105"
                        .startsWith(
                                CatalogueCode.parse("A02010000").orElseThrow().subtreePrefix()));
    }

    @Test
    void spacesAndLowerCaseAreForgiven() {
        assertEquals("A02010105", CatalogueCode.parse(" a02010105 ").orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "D01000000",
                "A020101", // the unpadded 2013 form
                "A0201060101", // a 2013 fifth level
                "A00000000", // the root is written "A"
                "A02000100", // a level under a padded level
                "A0201010X",
                "A０2010105", // full-width digit
                "AB",
            })
    void malformedCodesAreRefused(String code) {
        assertTrue(CatalogueCode.parse(code).isEmpty(), code);
    }
}
