package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void usesPbkdf2Sha256WithAtLeast600000Iterations() {
        PasswordHasher h = new PasswordHasher();
        assertTrue(h.iterations() >= 600_000);
        String stored = h.hash("Demo#2026".toCharArray());
        String[] parts = stored.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("600000", parts[1]);
        assertTrue(h.matches("Demo#2026".toCharArray(), stored));
        assertFalse(h.matches("demo#2026".toCharArray(), stored));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        PasswordHasher h = new PasswordHasher(1000);
        assertNotEquals(h.hash("same".toCharArray()), h.hash("same".toCharArray()));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        PasswordHasher h = new PasswordHasher(1000);
        assertFalse(h.matches("x".toCharArray(), null));
        assertFalse(h.matches("x".toCharArray(), "plain"));
        assertFalse(h.matches("x".toCharArray(), "pbkdf2-sha256$abc$$"));
        assertFalse(h.matches("x".toCharArray(), "md5$1$a$b"));
    }

    @Test
    void weakerStoredHashesAskForARehash() {
        String old = new PasswordHasher(1000).hash("pw".toCharArray());
        assertTrue(new PasswordHasher().needsRehash(old));
        assertFalse(new PasswordHasher(1000).needsRehash(old));
    }
}
