package io.sunshine.directory.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 does: comma-separated fields, a field in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}). A leading byte-order mark is dropped; lines
 * end in CRLF, LF or CR; blank lines are skipped. Each record keeps the line number it starts on,
 * so an error can be pointed at in the file.
 *
 * <pre>{@code
 * List<Record> r = CatalogueCsv.read("\uFEFFcode,name\r\nA02010105,\"台式计算机, 办公\"\r\n");
 * r.get(1).fields(); // [A02010105, 台式计算机, 办公]
 * r.get(1).line();   // 2
 * }</pre>
 */
public final class CatalogueCsv {
    private CatalogueCsv() {}

    /** One record: the line it starts on and its fields, unquoted. */
    public record Record(int line, List<String> fields) {
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /** The file cannot be read as CSV at all (an opening quote never closed). */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        Malformed(int line) {
            super("Unterminated quoted field starting on line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Record> read(String text) throws Malformed {
        List<Record> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int i = text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"' && field.length() == 0) {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new Malformed(quoteLine);
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\r' || c == '\n') {
                            line++;
                            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                                i++;
                            }
                            field.append('\n');
                            i++;
                            continue;
                        }
                        field.append(c);
                        i++;
                    }
                    // after a closing quote: text up to the next separator is kept as it stands
                }
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == ',' || c == '\r' || c == '\n') {
                        break;
                    }
                    field.append(c);
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    if (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    endOfRecord = true;
                }
            }
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                out.add(new Record(recordLine, List.copyOf(fields)));
            }
        }
        return out;
    }
}
