package io.sunshine.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A one-sheet Excel workbook (Office Open XML, .xlsx) written directly: a bold header row, text
 * cells as inline strings (so a value that starts with "=" stays text, never a formula) and amounts
 * as numbers with the format {@code #,##0.00}. Enough for the lists users export, without a 20 MB
 * spreadsheet library.
 */
public final class XlsxSheet {
    private static final String XML =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private final String sheetName;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<String> header;

    /**
     * @param sheetName at most 31 characters, none of {@code []:*?/\}
     */
    public XlsxSheet(String sheetName, List<String> header) {
        this.sheetName = sheetName.replaceAll("[\\[\\]:*?/\\\\]", " ");
        this.header = List.copyOf(header);
        if (this.sheetName.isBlank() || this.sheetName.length() > 31) {
            throw new IllegalArgumentException("An Excel sheet name has 1 to 31 characters.");
        }
    }

    /** Adds a row; a cell is a String, a BigDecimal or other Number, or null. */
    public XlsxSheet row(Object... cells) {
        rows.add(cells.clone());
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "[Content_Types].xml", contentTypes());
            put(zip, "_rels/.rels", rootRels());
            put(zip, "xl/workbook.xml", workbook());
            put(zip, "xl/_rels/workbook.xml.rels", workbookRels());
            put(zip, "xl/styles.xml", styles());
            put(zip, "xl/worksheets/sheet1.xml", sheet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String sheet() {
        StringBuilder s = new StringBuilder(XML);
        s.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        s.append(
                        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\""
                                + " topLeftCell=\"A2\"")
                .append(" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        s.append("<cols>");
        for (int c = 0; c < header.size(); c++) {
            s.append("<col min=\"")
                    .append(c + 1)
                    .append("\" max=\"")
                    .append(c + 1)
                    .append("\" width=\"18\" customWidth=\"1\"/>");
        }
        s.append("</cols><sheetData>");
        appendRow(s, 1, header.toArray(), 1);
        int r = 2;
        for (Object[] row : rows) {
            appendRow(s, r++, row, 0);
        }
        s.append("</sheetData></worksheet>");
        return s.toString();
    }

    private static void appendRow(StringBuilder s, int r, Object[] cells, int textStyle) {
        s.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v == null) {
                continue;
            }
            String ref = column(c) + r;
            if (v instanceof Number n) {
                String plain = n instanceof BigDecimal b ? b.toPlainString() : String.valueOf(n);
                s.append("<c r=\"")
                        .append(ref)
                        .append("\" s=\"")
                        .append(v instanceof BigDecimal ? 2 : 0)
                        .append("\"><v>")
                        .append(plain)
                        .append("</v></c>");
            } else {
                s.append("<c r=\"")
                        .append(ref)
                        .append("\" t=\"inlineStr\" s=\"")
                        .append(textStyle)
                        .append("\"><is><t xml:space=\"preserve\">")
                        .append(escape(String.valueOf(v)))
                        .append("</t></is></c>");
            }
        }
        s.append("</row>");
    }

    /** A, B, …, Z, AA, AB, … */
    static String column(int index) {
        StringBuilder b = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            b.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return b.toString();
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        cp -> {
                            switch (cp) {
                                case '<' -> b.append("&lt;");
                                case '>' -> b.append("&gt;");
                                case '&' -> b.append("&amp;");
                                case '"' -> b.append("&quot;");
                                default -> {
                                    boolean legal =
                                            cp == 0x9
                                                    || cp == 0xA
                                                    || cp == 0xD
                                                    || (cp >= 0x20 && cp <= 0xD7FF)
                                                    || (cp >= 0xE000 && cp <= 0xFFFD)
                                                    || cp >= 0x10000;
                                    if (legal) {
                                        b.appendCodePoint(cp);
                                    }
                                }
                            }
                        });
        return b.toString();
    }

    private String workbook() {
        return XML
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet"
                + " name=\""
                + escape(sheetName)
                + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    }

    private static String contentTypes() {
        return XML
                + "<Types"
                + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
                + " Extension=\"rels\""
                + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
                + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
                + " PartName=\"/xl/workbook.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override"
                + " PartName=\"/xl/worksheets/sheet1.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override"
                + " PartName=\"/xl/styles.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>";
    }

    private static String rootRels() {
        return XML
                + "<Relationships"
                + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
                + " Id=\"rId1\""
                + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                + " Target=\"xl/workbook.xml\"/></Relationships>";
    }

    private static String workbookRels() {
        return XML
                + "<Relationships"
                + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
                + " Id=\"rId1\""
                + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                + " Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\""
                + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
                + " Target=\"styles.xml\"/></Relationships>";
    }

    /** Style 0 plain, 1 bold header, 2 amount #,##0.00. */
    private static String styles() {
        return XML
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
                + "</borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\""
                + " borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"3\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + " applyFont=\"1\"/>"
                + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + " applyNumberFormat=\"1\"/>"
                + "</cellXfs></styleSheet>";
    }
}
