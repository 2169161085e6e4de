package io.sunshine.directory.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks a whole catalogue file before anything is written: the header {@code code,name,parent},
 * then one item per record. Every fault of every line is collected, so the administrator fixes the
 * file once, not once per upload.
 *
 * <p>The rules: the code has the 2022 shape ({@link CatalogueCode}); no code appears twice; the
 * name is not empty and has at most {@value #MAX_NAME} characters (trimmed); the parent, when the
 * optional third column gives it, is the code's own parent; and that parent exists, in the file or
 * (when the import merges) already in the catalogue.
 *
 * <pre>{@code
 * CatalogueFile.Verdict v = CatalogueFile.check(text, existing::contains);
 * if (v.accepted()) write(v.items()); else report(v.errors());
 * }</pre>
 */
public final class CatalogueFile {
    public static final int MAX_NAME = 200;
    public static final int MAX_ROWS = 100_000;

    /** More errors than this are counted but not listed: the file is wrong throughout. */
    public static final int MAX_LISTED_ERRORS = 500;

    private CatalogueFile() {}

    /** Why a line is refused; the message key is {@code reason.catalogue.<name>}. */
    public enum Reason {
        EMPTY_FILE,
        NOT_UTF8,
        HEADER,
        UNTERMINATED_QUOTE,
        TOO_MANY_ROWS,
        FIELD_COUNT,
        CODE_MISSING,
        CODE_FORMAT,
        CODE_DUPLICATE,
        NAME_MISSING,
        NAME_TOO_LONG,
        PARENT_MISMATCH,
        PARENT_UNKNOWN;

        public String messageKey() {
            return "reason.catalogue." + name();
        }
    }

    /** One fault: the line, the column at fault, why, the offending value and a related line. */
    public record LineError(
            int line, String field, Reason reason, String value, Integer otherLine) {}

    /** An item as the file states it, checked. */
    public record Item(int line, CatalogueCode code, String name) {}

    /** The outcome: the items in writing order (parents before children), or the errors. */
    public record Verdict(List<Item> items, List<LineError> errors, int errorCount, int rows) {
        public boolean accepted() {
            return errorCount == 0;
        }
    }

    /**
     * @param text the whole file
     * @param existsAlready whether a code is in the catalogue already (a parent may be there rather
     *     than in the file); {@code c -> false} when only the file counts
     */
    public static Verdict check(String text, Predicate<String> existsAlready) {
        Errors errors = new Errors();
        int undecodable = text == null ? -1 : text.indexOf('\uFFFD');
        if (undecodable >= 0) {
            // bytes that are not UTF-8 (a GBK file saved by a spreadsheet) were decoded to U+FFFD:
            // importing them would store mangled names
            int line =
                    1 + (int) text.substring(0, undecodable).chars().filter(c -> c == '\n').count();
            errors.add(new LineError(line, null, Reason.NOT_UTF8, null, null));
            return errors.verdict(List.of(), 0);
        }
        List<CatalogueCsv.Record> records;
        try {
            records = CatalogueCsv.read(text);
        } catch (CatalogueCsv.Malformed e) {
            errors.add(new LineError(e.line(), null, Reason.UNTERMINATED_QUOTE, null, null));
            return errors.verdict(List.of(), 0);
        }
        if (records.isEmpty()) {
            errors.add(new LineError(1, null, Reason.EMPTY_FILE, null, null));
            return errors.verdict(List.of(), 0);
        }
        CatalogueCsv.Record header = records.get(0);
        if (!isHeader(header)) {
            errors.add(
                    new LineError(
                            header.line(),
                            null,
                            Reason.HEADER,
                            cut(String.join(",", header.fields())),
                            null));
            return errors.verdict(List.of(), records.size() - 1);
        }
        int rows = records.size() - 1;
        if (rows > MAX_ROWS) {
            errors.add(
                    new LineError(
                            records.get(MAX_ROWS + 1).line(),
                            null,
                            Reason.TOO_MANY_ROWS,
                            String.valueOf(MAX_ROWS),
                            null));
            return errors.verdict(List.of(), rows);
        }

        Map<String, Integer> seen = new HashMap<>();
        List<Item> items = new ArrayList<>();
        List<String[]> parents = new ArrayList<>(); // {code, given parent, line}
        for (CatalogueCsv.Record r : records.subList(1, records.size())) {
            if (r.fields().size() < 2 || r.fields().size() > 3) {
                errors.add(
                        new LineError(
                                r.line(),
                                null,
                                Reason.FIELD_COUNT,
                                String.valueOf(r.fields().size()),
                                null));
                continue;
            }
            String rawCode = r.field(0).strip();
            CatalogueCode code = null;
            if (rawCode.isEmpty()) {
                errors.add(new LineError(r.line(), "code", Reason.CODE_MISSING, null, null));
            } else {
                code = CatalogueCode.parse(rawCode).orElse(null);
                if (code == null) {
                    errors.add(
                            new LineError(
                                    r.line(), "code", Reason.CODE_FORMAT, cut(rawCode), null));
                } else {
                    Integer first = seen.putIfAbsent(code.value(), r.line());
                    if (first != null) {
                        errors.add(
                                new LineError(
                                        r.line(),
                                        "code",
                                        Reason.CODE_DUPLICATE,
                                        code.value(),
                                        first));
                        code = null;
                    }
                }
            }
            String name = r.field(1).strip().replaceAll("\\s+", " ");
            boolean nameOk = false;
            if (name.isEmpty()) {
                errors.add(new LineError(r.line(), "name", Reason.NAME_MISSING, null, null));
            } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
                errors.add(
                        new LineError(
                                r.line(),
                                "name",
                                Reason.NAME_TOO_LONG,
                                String.valueOf(name.codePointCount(0, name.length())),
                                null));
            } else {
                nameOk = true;
            }
            if (code != null) {
                String given = r.field(2).strip().toUpperCase(Locale.ROOT);
                String derived = code.parent();
                if (!given.isEmpty() && !given.equals(derived == null ? "" : derived)) {
                    errors.add(
                            new LineError(
                                    r.line(), "parent", Reason.PARENT_MISMATCH, cut(given), null));
                } else if (derived != null) {
                    parents.add(new String[] {code.value(), derived, String.valueOf(r.line())});
                }
                if (nameOk) {
                    items.add(new Item(r.line(), code, name));
                }
            }
        }
        for (String[] p : parents) {
            if (!seen.containsKey(p[1]) && !existsAlready.test(p[1])) {
                errors.add(
                        new LineError(
                                Integer.parseInt(p[2]),
                                "parent",
                                Reason.PARENT_UNKNOWN,
                                p[1],
                                null));
            }
        }
        items.sort(
                Comparator.comparingInt((Item i) -> i.code().depth())
                        .thenComparing(i -> i.code().value()));
        return errors.verdict(items, rows);
    }

    private static boolean isHeader(CatalogueCsv.Record r) {
        List<String> f = r.fields();
        return (f.size() == 2 || f.size() == 3)
                && "code".equalsIgnoreCase(f.get(0).strip())
                && "name".equalsIgnoreCase(f.get(1).strip())
                && (f.size() == 2 || "parent".equalsIgnoreCase(f.get(2).strip()));
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static final class Errors {
        private final List<LineError> listed = new ArrayList<>();
        private int count;

        void add(LineError e) {
            count++;
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(e);
            }
        }

        Verdict verdict(List<Item> items, int rows) {
            listed.sort(Comparator.comparingInt(LineError::line));
            return new Verdict(
                    count == 0 ? List.copyOf(items) : List.of(), List.copyOf(listed), count, rows);
        }
    }
}
