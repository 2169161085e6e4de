package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupplierApplicationTest {

    private static SupplierApplication valid() {
        return new SupplierApplication(
                " 滨江信达电脑科技有限公司 ",
                "91440300708461136t",
                "王伟",
                "李娜",
                "138 1234 5678",
                "Li.Na@Example.com",
                SizeClass.SMALL,
                "中国工商银行滨江支行",
                "滨江信达电脑科技有限公司",
                "1202 0212 0900 1234 567",
                true);
    }

    private static SupplierApplication with(String field, Object value) {
        SupplierApplication v = valid();
        return new SupplierApplication(
                field.equals("name") ? (String) value : v.name(),
                field.equals("creditCode") ? (String) value : v.creditCode(),
                field.equals("legalRepresentative") ? (String) value : v.legalRepresentative(),
                field.equals("contactName") ? (String) value : v.contactName(),
                field.equals("contactPhone") ? (String) value : v.contactPhone(),
                field.equals("contactEmail") ? (String) value : v.contactEmail(),
                field.equals("sizeClass") ? (SizeClass) value : v.sizeClass(),
                v.bankName(),
                v.bankAccountName(),
                field.equals("bankAccountNumber") ? (String) value : v.bankAccountNumber(),
                field.equals("accepted") ? (Boolean) value : v.sizeDeclarationAccepted());
    }

    private static Refusal refused(SupplierApplication a) {
        return assertThrows(Refusal.class, a::validated);
    }

    @Test
    void aCompleteApplicationIsNormalised() {
        SupplierApplication a = valid().validated();
        assertEquals("滨江信达电脑科技有限公司", a.name());
        assertEquals("91440300708461136T", a.creditCode());
        assertEquals("13812345678", a.contactPhone());
        assertEquals("li.na@example.com", a.contactEmail());
        assertEquals("1202021209001234567", a.bankAccountNumber());
    }

    @Test
    void aWrongCheckCharacterIsRefusedByTheCreditCodeRule() {
        Refusal r = refused(with("creditCode", "914403001922038217"));
        assertEquals(ProblemCode.CREDIT_CODE_INVALID, r.code());
        assertEquals("creditCode", r.field());
    }

    @Test
    void theSizeDeclarationMustBeAccepted() {
        Refusal r = refused(with("accepted", false));
        assertEquals(ProblemCode.SIZE_DECLARATION_REQUIRED, r.code());
        assertEquals("sizeDeclarationAccepted", r.field());
    }

    @Test
    void theSizeClassIsRequired() {
        assertEquals("sizeClass", refused(with("sizeClass", null)).field());
    }

    @Test
    void requiredTextsNameTheirFieldInTheCallersLanguage() {
        Refusal r = refused(with("legalRepresentative", "  "));
        assertEquals(ProblemCode.TEXT_LENGTH_INVALID, r.code());
        assertEquals("legalRepresentative", r.field());
        assertTrue(
                ProblemMessages.message(r.code(), Locale.SIMPLIFIED_CHINESE, r.args())
                        .contains("“法定代表人”须为 1 至 50 个字符"));
        assertTrue(
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args())
                        .contains("\"Legal representative\" must have 1 to 50 characters"));
        assertEquals("name", refused(with("name", "公".repeat(201))).field());
        assertEquals("contactName", refused(with("contactName", null)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0571-87654321", "057187654321", "010-12345678-123", "+86 13912345678"})
    void mobileAndLandlineNumbersAreAccepted(String phone) {
        with("contactPhone", phone).validated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "23812345678", "1381234567", "phone", "0571-123"})
    void otherPhoneNumbersAreRefused(String phone) {
        Refusal r = refused(with("contactPhone", phone));
        assertEquals(ProblemCode.PHONE_INVALID, r.code());
        assertEquals("contactPhone", r.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "li.na", "li@na", "@example.com", "li na@example.com"})
    void malformedEmailAddressesAreRefused(String email) {
        assertEquals(ProblemCode.EMAIL_INVALID, refused(with("contactEmail", email)).code());
    }

    @Test
    void aBadBankAccountIsRefusedOnItsField() {
        Refusal r = refused(with("bankAccountNumber", "12-AB"));
        assertEquals(ProblemCode.BANK_ACCOUNT_INVALID, r.code());
        assertEquals("bankAccountNumber", r.field());
    }

    @Test
    void theDeclarationNamesTheSupplierItsCodeAndItsSize() {
        String small = SizeDeclaration.text("滨江信达", "91440300708461136T", SizeClass.SMALL);
        assertTrue(small.contains("财库〔2020〕46号"), small);
        assertTrue(small.contains("滨江信达（统一社会信用代码：91440300708461136T）属于小型企业"), small);
        assertTrue(small.contains("不属于大企业的分支机构"), small);
        String large = SizeDeclaration.text("华辰", "91440300708461136T", SizeClass.LARGE);
        assertTrue(large.contains("属于大型企业") && large.contains("不享受"), large);
        assertTrue(SizeDeclaration.text(null, null, SizeClass.MICRO).contains("（单位名称）"));
    }
}
