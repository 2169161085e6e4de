package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.control.CatalogueFile.LineError;
import io.sunshine.directory.control.CatalogueFile.Reason;
import io.sunshine.directory.control.CatalogueFile.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueFileTest {
    private static final Set<String> ROOTS = Set.of("A", "B", "C");

    private static Verdict check(String text) {
        return CatalogueFile.check(text, ROOTS::contains);
    }

    @Test
    void aGoodFileIsAcceptedWithParentsBeforeChildren() {
        Verdict v =
                check(
                        "code,name,parent\n"
                                + "A02010105,台式计算机,A02010100\n"
                                + "A02010100,计算机,A02010000\n"
                                + "A02010000,信息化设备,A02000000\n"
                                + "A02000000,设备,A\n");
        assertTrue(v.accepted(), v.errors().toString());
        assertEquals(4, v.rows());
        assertEquals(
                List.of("A02000000", "A02010000", "A02010100", "A02010105"),
                v.items().stream().map(i -> i.code().value()).toList());
        assertEquals("台式计算机", v.items().get(3).name());
        assertEquals(2, v.items().get(3).line());
    }

    @Test
    void aByteOrderMarkCrLfAndQuotedNamesAreRead() {
        Verdict v =
                check(
                        "\uFEFFcode,name,parent\r\n"
                                + "C16000000,信息技术服务,C\r\n"
                                + "\r\n"
                                + "C16010000,\"软件开发服务, 含\"\"定制\"\"开发\",C16000000\r\n");
        assertTrue(v.accepted(), v.errors().toString());
        assertEquals("软件开发服务, 含\"定制\"开发", v.items().get(1).name());
        assertEquals(4, v.items().get(1).line(), "the blank line still counts");
    }

    @Test
    void aQuotedNameMayBreakAcrossLinesAndItsLineNumberIsWhereItStarts() {
        Verdict v = check("code,name\n" + "C16000000,\"信息技术\n服务\"\n" + "C16010000,,\n");
        assertFalse(v.accepted());
        assertEquals(1, v.errorCount(), v.errors().toString());
        LineError e = v.errors().get(0);
        assertEquals(4, e.line());
        assertEquals(Reason.NAME_MISSING, e.reason());
    }

    @Test
    void theParentColumnIsOptional() {
        Verdict v = check("code,name\nB07000000,装修工程\n");
        assertTrue(v.accepted(), v.errors().toString());
    }

    @Test
    void everyFaultOfEveryLineIsReportedAndNothingIsAccepted() {
        Verdict v =
                check(
                        "code,name,parent\n"
                                + "A02010000,信息化设备,A02000000\n" // 2: parent A02000000 missing
                                + "A020101,计算机,A0201\n" // 3: 2013 shape
                                + "A02010000,信息化设备 again,\n" // 4: duplicate of line 2
                                + "A02010105,  ,\n" // 5: empty name (and parent A02010100 unknown)
                                + "A02010104,服务器,A02000000\n" // 6: parent mismatch
                                + "B07000000,"
                                + "很".repeat(201)
                                + "\n" // 7: name too long
                                + "C16000000\n" // 8: one field
                                + ",无编码\n"); // 9: code missing
        assertFalse(v.accepted());
        assertTrue(v.items().isEmpty(), "nothing is written when any line is bad");
        assertEquals(9, v.errorCount(), v.errors().toString());
        assertError(v, 2, "parent", Reason.PARENT_UNKNOWN);
        assertError(v, 3, "code", Reason.CODE_FORMAT);
        assertError(v, 4, "code", Reason.CODE_DUPLICATE);
        assertEquals(2, find(v, 4, Reason.CODE_DUPLICATE).otherLine());
        assertError(v, 5, "name", Reason.NAME_MISSING);
        assertError(v, 6, "parent", Reason.PARENT_MISMATCH);
        assertError(v, 7, "name", Reason.NAME_TOO_LONG);
        assertError(v, 8, null, Reason.FIELD_COUNT);
        assertError(v, 9, "code", Reason.CODE_MISSING);
        assertEquals(
                List.of(2, 3, 4, 5, 5, 6, 7, 8, 9),
                v.errors().stream().map(LineError::line).toList(),
                "sorted by line");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheFirstUndecodableLine() {
        byte[] gbk = "code,name\nA02000000,设备\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        Verdict v = check(new String(gbk, StandardCharsets.UTF_8));
        assertError(v, 2, null, Reason.NOT_UTF8);
        assertEquals(1, v.errorCount());
    }

    @Test
    void aParentAlreadyInTheCatalogueCounts() {
        Verdict merged =
                CatalogueFile.check("code,name\nA02010106,测试终端\n", Set.of("A02010100")::contains);
        assertTrue(merged.accepted(), merged.errors().toString());
        Verdict alone = CatalogueFile.check("code,name\nA02010106,测试终端\n", c -> false);
        assertError(alone, 2, "parent", Reason.PARENT_UNKNOWN);
    }

    @Test
    void aWrongHeaderOrAnUnclosedQuoteStopsAtOnce() {
        assertError(check("编码,名称\nA,货物\n"), 1, null, Reason.HEADER);
        assertError(check("code,name\nA,\"货物\n"), 2, null, Reason.UNTERMINATED_QUOTE);
        assertError(check("\uFEFF\r\n\r\n"), 1, null, Reason.EMPTY_FILE);
    }

    @Test
    void theShippedSeedIsAValidFileOnItsOwn() throws IOException {
        Path seed = Path.of("../config/catalogue/catalogue-seed.csv");
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        Verdict v = CatalogueFile.check(text, c -> false);
        assertTrue(v.accepted(), v.errors().toString());
        assertTrue(v.rows() >= 40, "rows: " + v.rows());
        assertEquals(
                Set.of("A", "B", "C"),
                Set.copyOf(
                        v.items().stream()
                                .filter(i -> i.code().isRoot())
                                .map(i -> i.code().value())
                                .toList()));
        try (InputStream in =
                CatalogueFileTest.class
                        .getClassLoader()
                        .getResourceAsStream(
                                "io/sunshine/directory/catalogue/catalogue-seed.csv")) {
            assertTrue(in != null, "the seed ships on the class path");
        }
    }

    private static LineError find(Verdict v, int line, Reason reason) {
        return v.errors().stream()
                .filter(e -> e.line() == line && e.reason() == reason)
                .findFirst()
                .orElseThrow(() -> new AssertionError(line + " " + reason + " in " + v.errors()));
    }

    private static void assertError(Verdict v, int line, String field, Reason reason) {
        assertFalse(v.accepted());
        assertEquals(field, find(v, line, reason).field());
    }
}
