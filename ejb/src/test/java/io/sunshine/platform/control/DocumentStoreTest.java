package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {
    @TempDir Path root;

    @Test
    void aStoredFileComesBackUnderARandomNameWithItsHash() {
        DocumentStore store = new DocumentStore(root);
        byte[] content = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        DocumentStore.Stored a = store.put(content);
        DocumentStore.Stored b = store.put(content);
        assertNotEquals(a.storageName(), b.storageName(), "every upload gets its own name");
        assertEquals(43, a.storageName().length(), "256 random bits, base64url");
        assertEquals(DocumentStore.sha256(content), a.sha256());
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                DocumentStore.sha256(new byte[0]));
        assertArrayEquals(content, store.get(a.storageName()));
        assertTrue(Files.exists(store.pathOf(a.storageName())));
        store.delete(a.storageName());
        assertFalse(Files.exists(store.pathOf(a.storageName())));
    }

    @Test
    void onlyItsOwnNamesResolveSoNothingEscapesTheRoot() {
        DocumentStore store = new DocumentStore(root);
        assertThrows(IllegalArgumentException.class, () -> store.get("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> store.get("营业执照.pdf"));
        assertThrows(IllegalArgumentException.class, () -> store.delete(null));
    }
}
