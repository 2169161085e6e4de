package io.sunshine.budget.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.regex.Pattern;

/**
 * The two codes every budget line carries, from the 政府收支分类科目 the Ministry of Finance publishes each
 * year: the functional classification of expenditure (支出功能分类, 类 3 digits, 款 +2, 项 +2, e.g. 2050201
 * 学前教育; expenditure codes begin with 2) and the departmental economic classification (部门预算支出经济分类, 类
 * 3 digits, 款 +2, e.g. 31002 办公设备购置; they begin with 3).
 */
public final class Classification {
    private static final Pattern FUNCTIONAL = Pattern.compile("2\\d{2}(\\d{2}){0,2}");
    private static final Pattern ECONOMIC = Pattern.compile("3\\d{2}(\\d{2})?");

    private Classification() {}

    public static String functional(String code) {
        return check(code, FUNCTIONAL, "functionalCode");
    }

    public static String economic(String code) {
        return check(code, ECONOMIC, "economicCode");
    }

    private static String check(String code, Pattern p, String field) {
        String c = code == null ? "" : code.strip();
        if (!p.matcher(c).matches()) {
            throw new Refusal(ProblemCode.BUDGET_CLASSIFICATION_INVALID, field, c);
        }
        return c;
    }
}
