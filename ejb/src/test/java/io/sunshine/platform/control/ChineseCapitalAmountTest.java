package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseCapitalAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // the issue's own examples
        "1234567.89, 人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
        "100, 人民币壹佰元整",
        // examples of 《正确填写票据和结算凭证的基本规定》
        "1409.50, 人民币壹仟肆佰零玖元伍角",
        "6007.14, 人民币陆仟零柒元壹角肆分",
        "1680.32, 人民币壹仟陆佰捌拾元零叁角贰分",
        "107000.53, 人民币壹拾万零柒仟元零伍角叁分",
        "16409.02, 人民币壹万陆仟肆佰零玖元零贰分",
        "325.04, 人民币叁佰贰拾伍元零肆分",
        // 拾 always has its digit
        "10, 人民币壹拾元整",
        "15, 人民币壹拾伍元整",
        "100000, 人民币壹拾万元整",
        // sections
        "10000, 人民币壹万元整",
        "100000000, 人民币壹亿元整",
        "100010000, 人民币壹亿零壹万元整",
        "110000000, 人民币壹亿壹仟万元整",
        "1000000000000, 人民币壹万亿元整",
        "1000100000000, 人民币壹万零壹亿元整",
        "9999999999999999.99, 人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
        // fractions only, zero
        "0.05, 人民币伍分",
        "0.50, 人民币伍角",
        "0.55, 人民币伍角伍分",
        "0, 人民币零元整",
        "1.05, 人民币壹元零伍分",
        "20.10, 人民币贰拾元零壹角",
        "1001, 人民币壹仟零壹元整",
        "1010, 人民币壹仟零壹拾元整",
        "101000, 人民币壹拾万零壹仟元整"
    })
    void spellsAmountsAsPaymentVouchersRequire(String amount, String capitals) {
        assertEquals(capitals, ChineseCapitalAmount.of(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @CsvSource({
        "-1, AMOUNT_NEGATIVE",
        "0.001, AMOUNT_INVALID",
        "10000000000000000, AMOUNT_TOO_LARGE"
    })
    void refusesWhatNoContractCanCarry(String amount, ProblemCode code) {
        assertEquals(
                code,
                assertThrows(Refusal.class, () -> ChineseCapitalAmount.of(new BigDecimal(amount)))
                        .code());
    }
}
