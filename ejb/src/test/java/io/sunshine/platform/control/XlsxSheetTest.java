package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XlsxSheetTest {
    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                parts.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesAWellFormedWorkbookWithTextAndNumbers() throws Exception {
        byte[] bytes =
                new XlsxSheet("预算指标", List.of("编号", "名称", "可用余额"))
                        .row("滨财〔2026〕1号", "=HYPERLINK(\"x\") <b>&", new BigDecimal("1234.50"))
                        .row("L2", null, new BigDecimal("0.00"))
                        .toBytes();
        Map<String, String> parts = unzip(bytes);
        assertTrue(
                parts.keySet()
                        .containsAll(
                                List.of(
                                        "[Content_Types].xml",
                                        "_rels/.rels",
                                        "xl/workbook.xml",
                                        "xl/_rels/workbook.xml.rels",
                                        "xl/styles.xml",
                                        "xl/worksheets/sheet1.xml")));
        for (String part : parts.values()) {
            xml(part); // every part parses
        }
        Document sheet = xml(parts.get("xl/worksheets/sheet1.xml"));
        NodeList rows = sheet.getElementsByTagNameNS("*", "row");
        assertEquals(3, rows.getLength());
        NodeList cells = ((Element) rows.item(1)).getElementsByTagNameNS("*", "c");
        assertEquals("A2", ((Element) cells.item(0)).getAttribute("r"));
        assertEquals("inlineStr", ((Element) cells.item(1)).getAttribute("t"));
        assertEquals("=HYPERLINK(\"x\") <b>&", cells.item(1).getTextContent());
        Element amount = (Element) cells.item(2);
        assertFalse(amount.hasAttribute("t"));
        assertEquals("1234.50", amount.getTextContent());
        assertEquals("2", amount.getAttribute("s"));
        assertTrue(parts.get("xl/workbook.xml").contains("name=\"预算指标\""));
    }

    @Test
    void columnNames() {
        assertEquals("A", XlsxSheet.column(0));
        assertEquals("Z", XlsxSheet.column(25));
        assertEquals("AA", XlsxSheet.column(26));
        assertEquals("AZ", XlsxSheet.column(51));
    }

    @Test
    void dropsCharactersXmlCannotHold() {
        assertEquals("ab", XlsxSheet.escape("a\u0001b"));
    }
}
