package io.sunshine.procurement.notice.control;

import io.sunshine.procurement.notice.entity.NoticeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zh-CN templates of the public notices, one per {@link NoticeType}, from {@code
 * config/notices/<TYPE>.txt}: the first line is the title, then an empty line, then the body, with
 * {@code {{name}}} placeholders. A template may use only the names its type supplies ({@link
 * #VARIABLES}); rendering needs a value for every name the template uses.
 *
 * <pre>{@code
 * NoticeTemplates t = NoticeTemplates.load(classLoader);
 * Rendered r = t.render(NoticeType.TERMINATION, Map.of("buyerName", "…", …));
 * }</pre>
 */
public final class NoticeTemplates {
    public static final String RESOURCE = "io/sunshine/procurement/notices/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    private static final List<String> COMMON =
            List.of(
                    "publishedOn",
                    "publishedBy",
                    "buyerName",
                    "agencyName",
                    "projectReference",
                    "projectTitle",
                    "method",
                    "noticeKind");

    /** The names each type supplies besides {@link #COMMON}. */
    public static final Map<NoticeType, List<String>> VARIABLES = variables();

    /** A title and a body, ready to publish. */
    public record Rendered(String title, String body) {}

    private record Template(String title, String body) {}

    private final Map<NoticeType, Template> templates;

    private NoticeTemplates(Map<NoticeType, Template> templates) {
        this.templates = templates;
    }

    private static Map<NoticeType, List<String>> variables() {
        Map<NoticeType, List<String>> m = new EnumMap<>(NoticeType.class);
        m.put(
                NoticeType.INTENTION,
                List.of("expectedMonth", "summary", "budget", "budgetCapitals"));
        List<String> notice =
                List.of(
                        "budget",
                        "budgetCapitals",
                        "lots",
                        "description",
                        "qualification",
                        "smePolicy",
                        "documents",
                        "deadline",
                        "deadlineLabel",
                        "openingLine",
                        "noticePeriod",
                        "bidSecurity",
                        "methodReason");
        m.put(NoticeType.PROCUREMENT, notice);
        m.put(NoticeType.SINGLE_SOURCE, notice);
        m.put(
                NoticeType.CORRECTION,
                List.of(
                        "originalPublishedOn",
                        "correctedNoticeNo",
                        "rationale",
                        "deadlineChange",
                        "affectsBids"));
        m.put(NoticeType.TERMINATION, List.of("reason"));
        m.put(NoticeType.AWARD, List.of("awardKind", "awards", "lots"));
        m.put(
                NoticeType.CONTRACT,
                List.of(
                        "contractNumber",
                        "supplierName",
                        "amount",
                        "amountCapitals",
                        "period",
                        "items",
                        "signedOn"));
        m.put(
                NoticeType.ACCEPTANCE,
                List.of("contractNumber", "supplierName", "amount", "acceptedOn", "conclusion"));
        return Map.copyOf(m);
    }

    /** Every name a type's template may use. */
    public static Set<String> allowed(NoticeType type) {
        Set<String> s = new LinkedHashSet<>(COMMON);
        s.addAll(VARIABLES.get(type));
        return s;
    }

    /**
     * Reads every type's template from the class path.
     *
     * @throws IllegalStateException when one is missing, malformed or uses an unknown name
     */
    public static NoticeTemplates load(ClassLoader loader) {
        Map<NoticeType, Template> m = new EnumMap<>(NoticeType.class);
        for (NoticeType type : NoticeType.values()) {
            String name = RESOURCE + type.name() + ".txt";
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The notice template is missing: " + name);
                }
                m.put(type, parse(type, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new NoticeTemplates(m);
    }

    static Template parse(NoticeType type, String text) {
        String t = text.replace("\r\n", "\n").strip();
        int gap = t.indexOf("\n\n");
        if (gap <= 0) {
            throw new IllegalStateException(
                    type + ": a template is a title line, an empty line and a body.");
        }
        Template template = new Template(t.substring(0, gap).strip(), t.substring(gap + 2).strip());
        if (template.title().contains("\n")) {
            throw new IllegalStateException(type + ": the title is one line.");
        }
        Set<String> allowed = allowed(type);
        for (String part : List.of(template.title(), template.body())) {
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    throw new IllegalStateException(
                            type
                                    + ": the template uses {{"
                                    + m.group(1)
                                    + "}}, not one of "
                                    + allowed);
                }
            }
        }
        return template;
    }

    /**
     * Fills a type's template.
     *
     * @throws IllegalArgumentException when a used name has no value
     */
    public Rendered render(NoticeType type, Map<String, String> values) {
        Template t = Objects.requireNonNull(templates.get(type), "No template for " + type);
        return new Rendered(fill(t.title(), values), fill(t.body(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("No value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
