package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a visitor typed into the portal's search box, cut into the same terms as the notices' stored
 * {@link SearchTerms}: each word of the query (words are separated by spaces) becomes a phrase of
 * its terms, and a notice must hold every phrase. 电脑 is the one term 电脑; 办公桌 is the phrase 办公 公桌,
 * which a notice about 办公桌椅 holds in that order; a lone Han character at the end of a word (电,
 * 2026年) matches every term that starts with it.
 *
 * <pre>{@code
 * NoticeSearch s = NoticeSearch.parse("台式电脑 ＰＣ").orElseThrow();
 * s.tsquery();        // '台式' <-> '式电' <-> '电脑' & 'pc'     (PostgreSQL, 'simple')
 * s.termPatterns();   // ["% 台式 式电 电脑 %", "% pc %"]        (LIKE over " " || terms || " ")
 * }</pre>
 *
 * @param text the query as searched: NFKC-normalised, trimmed, spaces collapsed
 * @param phrases the terms of each word, in order
 */
public record NoticeSearch(String text, List<List<String>> phrases) {
    /** Longer queries are refused: no one types a notice's body into the box. */
    public static final int MAX_LENGTH = 100;

    /** More words than this are refused (each is one more condition on every candidate row). */
    public static final int MAX_WORDS = 8;

    public NoticeSearch {
        phrases = phrases.stream().map(List::copyOf).toList();
    }

    /**
     * The search for a typed query; empty when nothing was typed.
     *
     * @throws Refusal {@code NOTICE_QUERY_TOO_LONG} or {@code NOTICE_QUERY_TOO_MANY_WORDS}, and
     *     {@code NOTICE_QUERY_NO_WORDS} when it holds no letter, digit or Chinese character
     */
    public static Optional<NoticeSearch> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new Refusal(ProblemCode.NOTICE_QUERY_TOO_LONG, "q", MAX_LENGTH);
        }
        text = text.replaceAll("\\s+", " ");
        List<List<String>> phrases = new ArrayList<>();
        for (String word : text.split(" ")) {
            List<String> terms = SearchTerms.of(word);
            if (!terms.isEmpty()) {
                phrases.add(terms);
            }
        }
        if (phrases.isEmpty()) {
            throw new Refusal(ProblemCode.NOTICE_QUERY_NO_WORDS, "q", text);
        }
        if (phrases.size() > MAX_WORDS) {
            throw new Refusal(ProblemCode.NOTICE_QUERY_TOO_MANY_WORDS, "q", MAX_WORDS);
        }
        return Optional.of(new NoticeSearch(text, phrases));
    }

    /**
     * The query in PostgreSQL's tsquery syntax, for {@code to_tsquery('simple', ?)}: terms quoted,
     * the terms of a word joined by {@code <->} (next to each other, in order), words joined by
     * {@code &}; a lone Han character is a prefix ({@code '电':*}). Passed as a bind parameter; the
     * quoting only keeps the tsquery parser from reading a term as an operator.
     */
    public String tsquery() {
        return phrases.stream().map(NoticeSearch::tsPhrase).collect(Collectors.joining(" & "));
    }

    private static String tsPhrase(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            String quoted = "'" + t.replace("\\", "\\\\").replace("'", "''") + "'";
            out.add(i == terms.size() - 1 && isLoneHan(t) ? quoted + ":*" : quoted);
        }
        return String.join(" <-> ", out);
    }

    /**
     * One LIKE pattern per word over the stored terms wrapped in spaces ({@code ' ' || search_terms
     * || ' '}), for databases without PostgreSQL's text search (the H2 demo): the same matches,
     * found by a scan instead of an index. {@code %}, {@code _} and {@code \} never occur in a term
     * (terms are letters and digits), and are escaped all the same.
     */
    public List<String> termPatterns() {
        List<String> out = new ArrayList<>();
        for (List<String> p : phrases) {
            String joined = likeEscaped(String.join(" ", p));
            String last = p.get(p.size() - 1);
            out.add("% " + joined + (isLoneHan(last) ? "%" : " %"));
        }
        return out;
    }

    static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean isLoneHan(String term) {
        return term.codePointCount(0, term.length()) == 1
                && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
