package io.sunshine.directory.control;

import io.sunshine.directory.entity.SizeClass;
import java.util.Objects;

/**
 * The enterprise size declaration a supplier accepts when it registers, modelled on the 中小企业声明函 of
 * 财库〔2020〕46号 (《政府采购促进中小企业发展管理办法》, 附件1) and the size classes of 工信部联企业〔2011〕300号. The text is in
 * Chinese, the language of the record; the registry stores the exact text shown, its version, and
 * when it was accepted. A project's own 声明函 (per lot, with the goods' manufacturer) is still
 * required by its procurement documents: this one records what the supplier declared about itself.
 *
 * <pre>{@code
 * String text = SizeDeclaration.text("滨江科技有限公司", "914403001922038216", SizeClass.SMALL);
 * }</pre>
 */
public final class SizeDeclaration {
    /** Changes whenever the wording changes, so a stored declaration says which text it was. */
    public static final String VERSION = "CK2020-46/registration-v1";

    private SizeDeclaration() {}

    /**
     * The declaration for these details. While the registration form is still being filled in, a
     * blank name or code shows as the form's blank (（单位名称）, 待填写) in the live preview; the registry
     * stores a declaration only after the name and code are validated, so a stored one always names
     * the supplier.
     */
    public static String text(String organisationName, String creditCode, SizeClass size) {
        Objects.requireNonNull(size, "A declaration needs a size class.");
        String name = orFormBlank(organisationName, "（单位名称）");
        String code = orFormBlank(creditCode, "待填写");
        String head =
                "本企业郑重声明：根据《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）和"
                        + "《中小企业划型标准规定》（工信部联企业〔2011〕300号）的规定，本企业"
                        + name
                        + "（统一社会信用代码："
                        + code
                        + "）属于"
                        + label(size)
                        + "。";
        String body =
                size == SizeClass.LARGE
                        ? "本企业不享受政府采购促进中小企业发展的价格扣除等扶持政策。"
                        : "本企业不属于大企业的分支机构，不存在控股股东为大企业的情形，"
                                + "也不存在与大企业的负责人为同一人的情形。"
                                + "参加具体采购项目时，本企业按该项目采购文件的要求另行出具《中小企业声明函》。";
        return head + body + "企业规模发生变化的，本企业将及时更新登记信息。" + "本企业对上述声明内容的真实性负责。如有虚假，将依法承担相应责任。";
    }

    public static String label(SizeClass size) {
        return switch (size) {
            case LARGE -> "大型企业";
            case MEDIUM -> "中型企业";
            case SMALL -> "小型企业";
            case MICRO -> "微型企业";
        };
    }

    private static String orFormBlank(String s, String placeholder) {
        return s == null || s.isBlank() ? placeholder : s.strip();
    }
}
