package io.sunshine.platform.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Spells an amount of yuan in Chinese capitals (大写金额) as contracts and payment orders print it,
 * following the People's Bank of China rules for writing amounts on vouchers
 * (《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》):
 *
 * <ul>
 *   <li>拾 is always preceded by a digit: 10 → 壹拾元整;
 *   <li>zeros between two non-zero digits are written as one 零: 6007.14 → 陆仟零柒元壹角肆分;
 *   <li>a zero 角 before a non-zero 分 is written: 325.04 → 叁佰贰拾伍元零肆分;
 *   <li>an amount that ends at 元 ends with 整: 100 → 人民币壹佰元整; one that ends at 角 or 分 does not:
 *       1409.50 → 人民币壹仟肆佰零玖元伍角.
 * </ul>
 *
 * Where the rules allow the 零 to be written or left out (a zero 元 or 万 digit before a non-zero
 * digit), it is written, so that nothing can be inserted: 1680.32 → 壹仟陆佰捌拾元零叁角贰分.
 */
public final class ChineseCapitalAmount {
    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] PLACE = {"", "拾", "佰", "仟"};
    private static final int MAX_INTEGER_DIGITS = 16;

    private ChineseCapitalAmount() {}

    /**
     * @throws Refusal AMOUNT_NEGATIVE, AMOUNT_INVALID (more than two decimals) or AMOUNT_TOO_LARGE
     */
    public static String of(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new Refusal(ProblemCode.AMOUNT_NEGATIVE, null, amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, null, amount.toPlainString());
        }
        String fen = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).toPlainString();
        String integer = fen.length() > 2 ? fen.substring(0, fen.length() - 2) : "0";
        int jiao = fen.length() >= 2 ? fen.charAt(fen.length() - 2) - '0' : 0;
        int fenDigit = fen.charAt(fen.length() - 1) - '0';
        integer = integer.replaceFirst("^0+(?=.)", "");
        if (integer.length() > MAX_INTEGER_DIGITS) {
            throw new Refusal(ProblemCode.AMOUNT_TOO_LARGE, null, amount.toPlainString());
        }

        StringBuilder out = new StringBuilder("人民币");
        int start = out.length();
        boolean zeroPending = false;
        boolean hasYuan = !integer.equals("0");
        if (hasYuan) {
            int n = integer.length();
            for (int i = 0; i < n; i++) {
                int position = n - 1 - i; // 0 = the 元 digit
                int d = integer.charAt(i) - '0';
                if (d == 0) {
                    zeroPending = out.length() > start;
                } else {
                    if (zeroPending) {
                        out.append('零');
                        zeroPending = false;
                    }
                    out.append(DIGITS[d]).append(PLACE[position % 4]);
                }
                if (position > 0 && position % 4 == 0) {
                    appendSectionMark(out, integer, position);
                }
            }
            out.append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            if (!hasYuan) {
                out.append("零元");
            }
            return out.append('整').toString();
        }
        if (jiao != 0) {
            if (zeroPending) {
                out.append('零');
            }
            out.append(DIGITS[jiao]).append('角');
        } else if (hasYuan) {
            out.append('零'); // 角位是0而分位不是0时，"元"后面应写"零"字
        }
        if (fenDigit != 0) {
            out.append(DIGITS[fenDigit]).append('分');
        }
        return out.toString();
    }

    /**
     * After the lowest digit of a four-digit section: 万 (10^4), 亿 (10^8), 万 again for 万亿 (10^12). 亿
     * is written whenever any digit at or above it is non-zero (壹万亿), 万 only when its own section
     * has a non-zero digit (壹亿零壹万 but not 壹亿万).
     */
    private static void appendSectionMark(StringBuilder out, String integer, int position) {
        int n = integer.length();
        int sectionTop = position == 8 ? n - 1 : Math.min(position + 3, n - 1);
        boolean nonZero = false;
        for (int p = position; p <= sectionTop; p++) {
            if (integer.charAt(n - 1 - p) != '0') {
                nonZero = true;
                break;
            }
        }
        if (nonZero) {
            out.append(position == 8 ? '亿' : '万');
        }
    }
}
