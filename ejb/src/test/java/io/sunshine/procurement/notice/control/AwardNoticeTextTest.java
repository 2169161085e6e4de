package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 实施条例 第四十三条第三款: the supplier's name and address, the amount, the main subject matter. */
class AwardNoticeTextTest {

    @Test
    void eachAwardedLotNamesItsSupplierCodeAddressAndAmountInFiguresAndCapitals() {
        String text =
                AwardNoticeText.awards(
                        List.of(
                                new AwardNoticeText.Winner(
                                        1,
                                        "台式计算机",
                                        "滨江星海电脑有限公司",
                                        "91330100MA27XK3P1U",
                                        null,
                                        new BigDecimal("44000.00")),
                                new AwardNoticeText.Winner(
                                        2,
                                        null,
                                        "滨江云帆信息技术有限公司",
                                        null,
                                        "滨江市江南大道 1 号",
                                        new BigDecimal("1234567.89"))));
        assertEquals(
                """
                第1包（台式计算机）
                  成交供应商名称：滨江星海电脑有限公司
                  统一社会信用代码：91330100MA27XK3P1U
                  供应商地址：未在平台登记
                  成交金额：44,000.00 元（人民币肆万肆仟元整）
                第2包
                  成交供应商名称：滨江云帆信息技术有限公司
                  统一社会信用代码：未登记
                  供应商地址：滨江市江南大道 1 号
                  成交金额：1,234,567.89 元（人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分）""",
                text);
    }

    @Test
    void theLotsListTheirItemsWithSpecificationQuantityAndUnitPrice() {
        String text =
                AwardNoticeText.lots(
                        List.of(
                                new AwardNoticeText.Lot(
                                        1,
                                        "台式计算机",
                                        List.of(
                                                new AwardNoticeText.Item(
                                                        1,
                                                        "台式计算机",
                                                        "A02010105",
                                                        "i5/16G/512G SSD",
                                                        new BigDecimal("10.000"),
                                                        "台",
                                                        new BigDecimal("5000.00")),
                                                new AwardNoticeText.Item(
                                                        2,
                                                        "显示器",
                                                        "A02010604",
                                                        null,
                                                        new BigDecimal("10"),
                                                        "台",
                                                        new BigDecimal("1200.00"))))));
        assertTrue(
                text.startsWith(
                        "第1包：台式计算机\n  1. 台式计算机（A02010105），规格型号：i5/16G/512G SSD，数量：10台，预算单价："
                                + "5,000.00 元"),
                text);
        assertTrue(text.endsWith("  2. 显示器（A02010604），数量：10台，预算单价：1,200.00 元"), text);
    }
}
