package io.sunshine.procurement.contract.control;

import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of a contract for one procurement method (合同范本): the title, the preamble, the
 * numbered clauses with their {@code {placeholders}}, the fixed texts around the terms, and the
 * default terms a new contract starts from. Kept as data in {@code config/contracts/} (UTF-8 Java
 * properties; the build ships the folder in the EJB jar at {@value #RESOURCE}, like the other
 * tables of {@code config/}): {@code default.properties} holds every key, and {@code
 * <METHOD>.properties} (e.g. {@code REVERSE_AUCTION.properties}) overrides some of them for that
 * method. A method without a file, and every key its file does not set, takes the default.
 *
 * <pre>{@code
 * ContractTemplate t = ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION);
 * ContractTerms proposal = ContractTerms.defaults(t);
 * }</pre>
 *
 * <p>A template is checked when it is loaded, and a malformed one is an {@link
 * IllegalStateException} naming the file and key: an unknown key (a typo would leave the default
 * silently in force), an unknown placeholder (it would print "{deliveryPlce}" into a contract),
 * clause numbers with gaps, a clause without heading or text, the items table or payment schedule
 * missing or given twice, default terms that {@link ContractTerms#validated()} refuses.
 *
 * <p>Keys: {@code title}; {@code preamble}; {@code method.<METHOD>} (its name in Chinese); {@code
 * award.notice} (中标通知书 / 成交通知书); {@code clause.<n>.heading} and {@code clause.<n>.text} from n = 1
 * without gaps, paragraphs separated by a line feed ({@code \n}); {@code bond.some}, {@code
 * bond.none}; {@code dispute.ARBITRATION}, {@code dispute.LITIGATION}; {@code otherTerms.none};
 * {@code closing} (以下无正文); {@code signature.note}; the default terms {@code terms.deliveryPlace},
 * {@code terms.deliveryPeriod}, {@code terms.acceptance}, {@code terms.warranty}, {@code
 * terms.milestone.<n>} ({@code name|percent|condition}), {@code terms.bondPercent}, {@code
 * terms.dispute} (ARBITRATION or LITIGATION), {@code terms.disputeBody}, {@code terms.otherTerms}.
 * The placeholders are {@link #PLACEHOLDERS}; a paragraph that is exactly {@value #ITEMS} or
 * {@value #MILESTONES} is where the items table or the payment schedule is printed.
 */
public final class ContractTemplate {
    public static final String RESOURCE = "io/sunshine/procurement/contracts/";
    public static final String DEFAULT = "default";

    /** A clause paragraph that is only this is where the items table goes. */
    public static final String ITEMS = "{items}";

    /** A clause paragraph that is only this is where the payment schedule goes. */
    public static final String MILESTONES = "{milestones}";

    /** What a text may contain in braces, and what {@link ContractDocument} fills in. */
    public static final Set<String> PLACEHOLDERS =
            Set.of(
                    "contractNumber",
                    "contractTitle",
                    "projectCode",
                    "projectTitle",
                    "lotNo",
                    "lotTitle",
                    "lot",
                    "method",
                    "awardNotice",
                    "awardDate",
                    "purchaser",
                    "supplier",
                    "total",
                    "totalCapitals",
                    "deliveryPlace",
                    "deliveryPeriod",
                    "acceptance",
                    "warranty",
                    "milestoneCount",
                    "bondPercent",
                    "bondAmount",
                    "bondCapitals",
                    "bondClause",
                    "dispute",
                    "disputeBody",
                    "disputeClause",
                    "otherTerms",
                    "draftedOn",
                    "version");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern CLAUSE =
            Pattern.compile("clause\\.([1-9][0-9]*)\\.(heading|text)");
    private static final Pattern MILESTONE = Pattern.compile("terms\\.milestone\\.([1-9][0-9]*)");
    private static final Set<String> TEXTS =
            Set.of(
                    "title",
                    "preamble",
                    "award.notice",
                    "bond.some",
                    "bond.none",
                    "dispute.ARBITRATION",
                    "dispute.LITIGATION",
                    "otherTerms.none",
                    "closing",
                    "signature.note");
    private static final Set<String> TERMS =
            Set.of(
                    "terms.deliveryPlace",
                    "terms.deliveryPeriod",
                    "terms.acceptance",
                    "terms.warranty",
                    "terms.bondPercent",
                    "terms.dispute",
                    "terms.disputeBody",
                    "terms.otherTerms");

    /** A numbered clause: its heading and its paragraphs, placeholders not yet filled. */
    public record Clause(int number, String heading, List<String> paragraphs) {
        public Clause {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    private final ProcurementMethod method;
    private final String source;
    private final Map<String, String> keys;
    private final List<Clause> clauses;
    private final ContractTerms defaultTerms;

    private ContractTemplate(
            ProcurementMethod method,
            String source,
            Map<String, String> keys,
            List<Clause> clauses,
            ContractTerms defaultTerms) {
        this.method = method;
        this.source = source;
        this.keys = keys;
        this.clauses = clauses;
        this.defaultTerms = defaultTerms;
    }

    /** The template of a method from this class's class path. */
    public static ContractTemplate load(ProcurementMethod method) {
        return load(method, ContractTemplate.class.getClassLoader());
    }

    /**
     * The template of a method: {@code <METHOD>.properties} over {@code default.properties}.
     *
     * @throws IllegalStateException when {@code default.properties} is missing or either file is
     *     malformed
     */
    public static ContractTemplate load(ProcurementMethod method, ClassLoader loader) {
        Objects.requireNonNull(method, "A procurement method is required.");
        String defaultName = RESOURCE + DEFAULT + ".properties";
        Map<String, String> defaults = read(loader, defaultName);
        if (defaults == null) {
            throw new IllegalStateException(
                    "The default contract template is missing: " + defaultName);
        }
        String ownName = RESOURCE + method.name() + ".properties";
        Map<String, String> own = read(loader, ownName);
        return of(
                method,
                own == null ? Map.of() : own,
                defaults,
                own == null ? defaultName : ownName + " over " + defaultName);
    }

    /** Every method's template, each checked: for a start-up check. */
    public static Map<ProcurementMethod, ContractTemplate> loadAll(ClassLoader loader) {
        Map<ProcurementMethod, ContractTemplate> all = new EnumMap<>(ProcurementMethod.class);
        for (ProcurementMethod m : ProcurementMethod.values()) {
            all.put(m, load(m, loader));
        }
        return all;
    }

    /**
     * A template from the keys of a method's file over the default file's.
     *
     * @param source names the files in errors
     * @throws IllegalStateException when the template is malformed
     */
    public static ContractTemplate of(
            ProcurementMethod method,
            Map<String, String> own,
            Map<String, String> defaults,
            String source) {
        for (Map.Entry<String, Map<String, String>> file :
                Map.of(source + " (method)", own, source + " (default)", defaults).entrySet()) {
            for (String key : file.getValue().keySet()) {
                if (!known(key)) {
                    throw malformed(source, key, "is not a key of a contract template");
                }
            }
        }
        Map<String, String> keys = new TreeMap<>(defaults);
        keys.putAll(own);
        keys.replaceAll((k, v) -> v.strip());

        for (String key : TEXTS) {
            require(keys, key, source);
        }
        require(keys, "method." + method.name(), source);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            checkPlaceholders(source, e.getKey(), e.getValue());
        }
        List<Clause> clauses = clauses(keys, source);
        ContractTerms terms = terms(keys, source);
        return new ContractTemplate(method, source, Map.copyOf(keys), clauses, terms);
    }

    private static boolean known(String key) {
        if (TEXTS.contains(key) || TERMS.contains(key)) {
            return true;
        }
        if (CLAUSE.matcher(key).matches() || MILESTONE.matcher(key).matches()) {
            return true;
        }
        if (key.startsWith("method.")) {
            return Arrays.stream(ProcurementMethod.values())
                    .anyMatch(m -> m.name().equals(key.substring("method.".length())));
        }
        return false;
    }

    private static void require(Map<String, String> keys, String key, String source) {
        String v = keys.get(key);
        if (v == null || v.isEmpty()) {
            throw malformed(source, key, "is missing or empty");
        }
    }

    private static void checkPlaceholders(String source, String key, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            String name = m.group(1);
            String whole = m.group();
            if (key.startsWith("terms.")) {
                throw malformed(source, key, "is a default term, printed as typed: no " + whole);
            }
            boolean block = whole.equals(ITEMS) || whole.equals(MILESTONES);
            if (block) {
                if (!key.matches("clause\\.\\d+\\.text")) {
                    throw malformed(source, key, "may not hold " + whole + " (clause texts only)");
                }
                continue;
            }
            if (!PLACEHOLDERS.contains(name)) {
                throw malformed(
                        source,
                        key,
                        "uses the unknown placeholder " + whole + "; known: " + PLACEHOLDERS);
            }
            if ((key.startsWith("bond.") || key.startsWith("dispute."))
                    && (name.equals("bondClause") || name.equals("disputeClause"))) {
                throw malformed(source, key, "may not hold " + whole + " (it is that text)");
            }
        }
    }

    private static List<Clause> clauses(Map<String, String> keys, String source) {
        TreeMap<Integer, String[]> numbered = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            Matcher m = CLAUSE.matcher(e.getKey());
            if (m.matches()) {
                String[] parts =
                        numbered.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new String[2]);
                parts[m.group(2).equals("heading") ? 0 : 1] = e.getValue();
            }
        }
        if (numbered.isEmpty()) {
            throw malformed(source, "clause.1.heading", "is missing: a contract has clauses");
        }
        List<Clause> clauses = new ArrayList<>();
        int items = 0;
        int milestones = 0;
        int expected = 1;
        for (Map.Entry<Integer, String[]> e : numbered.entrySet()) {
            int n = e.getKey();
            if (n != expected) {
                throw malformed(source, "clause." + expected + ".heading", "is missing (gap)");
            }
            expected++;
            String heading = e.getValue()[0];
            String text = e.getValue()[1];
            if (heading == null || heading.isEmpty()) {
                throw malformed(source, "clause." + n + ".heading", "is missing or empty");
            }
            if (text == null || text.isEmpty()) {
                throw malformed(source, "clause." + n + ".text", "is missing or empty");
            }
            List<String> paragraphs = paragraphs(text);
            for (String p : paragraphs) {
                if (p.equals(ITEMS)) {
                    items++;
                } else if (p.equals(MILESTONES)) {
                    milestones++;
                } else if (p.contains(ITEMS) || p.contains(MILESTONES)) {
                    throw malformed(
                            source,
                            "clause." + n + ".text",
                            "puts " + ITEMS + " or " + MILESTONES + " inside a paragraph");
                }
            }
            clauses.add(new Clause(n, heading, paragraphs));
        }
        if (items != 1 || milestones != 1) {
            throw malformed(
                    source,
                    "clause.*.text",
                    "must print the items table ("
                            + ITEMS
                            + ") and the payment schedule ("
                            + MILESTONES
                            + ") once each; found "
                            + items
                            + " and "
                            + milestones);
        }
        return List.copyOf(clauses);
    }

    private static ContractTerms terms(Map<String, String> keys, String source) {
        TreeMap<Integer, Milestone> schedule = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            Matcher m = MILESTONE.matcher(e.getKey());
            if (m.matches()) {
                String[] parts = e.getValue().split("\\|", -1);
                if (parts.length != 3) {
                    throw malformed(source, e.getKey(), "is not name|percent|condition");
                }
                BigDecimal percent;
                try {
                    percent = new BigDecimal(parts[1].strip());
                } catch (NumberFormatException x) {
                    throw malformed(source, e.getKey(), "has no percentage: " + parts[1]);
                }
                schedule.put(
                        Integer.parseInt(m.group(1)),
                        new Milestone(parts[0].strip(), percent, parts[2].strip()));
            }
        }
        int expected = 1;
        for (int n : schedule.keySet()) {
            if (n != expected++) {
                throw malformed(source, "terms.milestone." + (expected - 1), "is missing (gap)");
            }
        }
        BigDecimal bond;
        try {
            bond = new BigDecimal(keys.getOrDefault("terms.bondPercent", "").strip());
        } catch (NumberFormatException x) {
            throw malformed(source, "terms.bondPercent", "is not a percentage");
        }
        DisputeResolution dispute;
        try {
            dispute = DisputeResolution.valueOf(keys.getOrDefault("terms.dispute", ""));
        } catch (IllegalArgumentException x) {
            throw malformed(
                    source,
                    "terms.dispute",
                    "is not one of " + Arrays.toString(DisputeResolution.values()));
        }
        ContractTerms terms =
                new ContractTerms(
                        keys.get("terms.deliveryPlace"),
                        keys.get("terms.deliveryPeriod"),
                        keys.get("terms.acceptance"),
                        keys.get("terms.warranty"),
                        List.copyOf(schedule.values()),
                        bond,
                        dispute,
                        keys.get("terms.disputeBody"),
                        keys.getOrDefault("terms.otherTerms", ""));
        try {
            return terms.validated();
        } catch (Refusal r) {
            throw new IllegalStateException(
                    source
                            + ": the default terms are refused ("
                            + r.field()
                            + "): "
                            + ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args()),
                    r);
        }
    }

    /** The paragraphs of a text: one per line, blank lines dropped. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static IllegalStateException malformed(String source, String key, String what) {
        return new IllegalStateException(
                "Malformed contract template " + source + ": key " + key + " " + what);
    }

    private static Map<String, String> read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            return parse(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract template " + name, e);
        }
    }

    /**
     * The keys of a template file: UTF-8 Java properties (a file in another encoding is refused,
     * not read as mojibake).
     */
    static Map<String, String> parse(byte[] bytes, String name) {
        try {
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
            Properties p = new Properties();
            try (Reader r = new StringReader(text)) {
                p.load(r);
            }
            Map<String, String> m = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return m;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(
                    "Malformed contract template " + name + ": not UTF-8", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Malformed contract template " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The method this template was loaded for. */
    public ProcurementMethod method() {
        return method;
    }

    /** The files it comes from, e.g. "…/REVERSE_AUCTION.properties over …/default.properties". */
    public String source() {
        return source;
    }

    /** The contract's title (政府采购合同). */
    public String title() {
        return keys.get("title");
    }

    public String preamble() {
        return keys.get("preamble");
    }

    /** The method's name in Chinese (网上竞价). */
    public String methodLabel() {
        return keys.get("method." + method.name());
    }

    /** What the award notice is called (成交通知书). */
    public String awardNotice() {
        return keys.get("award.notice");
    }

    public List<Clause> clauses() {
        return clauses;
    }

    /** The bond clause: {@code bond.none} when no bond is asked, else {@code bond.some}. */
    public String bondClause(boolean none) {
        return keys.get(none ? "bond.none" : "bond.some");
    }

    public String disputeClause(DisputeResolution resolution) {
        return keys.get("dispute." + resolution.name());
    }

    /** What {@code {otherTerms}} prints when nothing else is agreed (无). */
    public String noOtherTerms() {
        return keys.get("otherTerms.none");
    }

    /** The line after the last clause (以下无正文). */
    public String closing() {
        return keys.get("closing");
    }

    /** The note under the signature block (how and when the contract is signed). */
    public String signatureNote() {
        return keys.get("signature.note");
    }

    /** The terms a new contract of this method starts from, already validated. */
    public ContractTerms defaultTerms() {
        return defaultTerms;
    }

    /**
     * A text with its placeholders filled, in one pass: a value that itself contains braces (a term
     * typed by a user) is printed as it is.
     *
     * @throws IllegalArgumentException when a placeholder has no value
     */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("No value for " + m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (clause numbers, up to 99). */
    public static String chineseNumber(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("Clause numbers run from 1 to 99: " + n);
        }
        String digits = "零一二三四五六七八九";
        int tens = n / 10;
        int units = n % 10;
        StringBuilder b = new StringBuilder();
        if (tens > 1) {
            b.append(digits.charAt(tens));
        }
        if (tens > 0) {
            b.append('十');
        }
        if (units > 0) {
            b.append(digits.charAt(units));
        }
        return b.toString();
    }
}
