package io.sunshine.procurement.notice.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words the portal's search finds in a notice. Chinese has no spaces between words, so every
 * run of Han characters is cut into overlapping pairs (bigrams): "采购台式电脑" gives 采购 购台 台式 式电 电脑, and
 * a search for the two-character word 电脑 finds it; a longer query is the sequence of its own pairs,
 * which a phrase search matches in order. A Han character that stands alone is a term of its own.
 * Latin letters and digits form words, lower-cased. Text is NFKC-normalised first, so full-width
 * letters and digits (ＰＣ, ２０２６) match their ordinary forms.
 *
 * <pre>{@code
 * SearchTerms.of("2026年 台式电脑 PC") // ["2026", "年", "台式", "式电", "电脑", "pc"]
 * }</pre>
 */
public final class SearchTerms {
    /** The stored terms of one notice are cut at this length (the column's size). */
    public static final int MAX_LENGTH = 60_000;

    private SearchTerms() {}

    /** The terms of the given texts, in order. */
    public static List<String> of(String... texts) {
        List<String> terms = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                collect(Normalizer.normalize(text, Normalizer.Form.NFKC), terms);
            }
        }
        return terms;
    }

    /** The terms as one space-separated text, cut at a term boundary to fit the column. */
    public static String joined(String... texts) {
        StringBuilder sb = new StringBuilder();
        for (String t : of(texts)) {
            if (sb.length() + t.length() + 1 > MAX_LENGTH) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static void collect(String text, List<String> terms) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isHan(cp)) {
                int start = i;
                while (i < n && isHan(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                han(text.substring(start, i), terms);
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (!Character.isLetterOrDigit(c) || isHan(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                terms.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    private static void han(String run, List<String> terms) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            terms.add(run);
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            terms.add(new String(cps, k, 2));
        }
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
