package io.sunshine.procurement.contract.control;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A reverse-auction contract as the platform would draft it, with as many lines as a test needs.
 */
final class ContractFixture {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final String NUMBER = "SP-HT-2026-000123";
    static final Instant DRAFTED = Instant.parse("2026-03-05T02:30:00Z");

    static final Party PURCHASER =
            new Party(
                    "滨江区教育局",
                    "11330108002482314X",
                    "浙江省杭州市滨江区江南大道 3850 号",
                    "王芳",
                    "0571-87702345",
                    "中国工商银行杭州滨江支行",
                    "滨江区教育局",
                    "1202 0219 0990 0012 345");
    static final Party SUPPLIER =
            new Party(
                    "杭州明远信息技术有限公司",
                    "91330106MA2H3KXY8B",
                    "浙江省杭州市西湖区文三路 478 号华星时代广场 B 座 1206 室",
                    "陈志强",
                    "13805718899",
                    "中国建设银行杭州高新支行",
                    "杭州明远信息技术有限公司",
                    "3305 0161 6135 0000 0789");

    private ContractFixture() {}

    /** {@code n} lines of goods estimated at varied amounts, quantities 3, 7, 12 … */
    static List<PriceAllocation.Line> lines(int n) {
        String[][] goods = {
            {
                "台式计算机",
                "Intel Core i5-13500 / 16GB DDR5 / 512GB NVMe SSD / 23.8 英寸显示器，预装正版操作系统",
                "台"
            },
            {"激光打印机", "A4 黑白激光，双面打印，有线及无线网络，打印速度不低于 40 页/分钟", "台"},
            {"交互式智能平板", "86 英寸 4K 显示，触控点数不少于 20 点，内置 OPS 电脑模块（i5/8GB/256GB），含移动支架", "套"},
            {"投影仪", "3LCD，亮度不低于 4000 流明，分辨率 1920×1080", "台"},
            {"学生课桌椅", "单人，升降式，钢木结构，桌面 600×400 mm，符合 GB/T 3976-2014", "套"},
            {"网络交换机", "24 口千兆电口 + 4 口万兆光口，可网管", "台"},
        };
        int[] quantities = {3, 7, 12, 1, 45, 2};
        List<PriceAllocation.Line> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] g = goods[i % goods.length];
            int q = quantities[i % quantities.length];
            BigDecimal unit = new BigDecimal(1000 + 397 * i % 6000).add(new BigDecimal("0.50"));
            lines.add(
                    new PriceAllocation.Line(
                            g[0] + (n > goods.length ? "（" + (i / goods.length + 1) + "）" : ""),
                            g[1],
                            g[2],
                            new BigDecimal(q),
                            unit.multiply(new BigDecimal(q))));
        }
        return lines;
    }

    static ContractContent content(int lines, BigDecimal awarded) {
        return content(
                lines,
                awarded,
                ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION).defaultTerms());
    }

    static ContractContent content(int lines, BigDecimal awarded, ContractTerms terms) {
        return new ContractContent(
                NUMBER,
                "滨江区教育局2026年教学设备采购合同",
                "ZFCG-2026-0042",
                "滨江区教育局2026年教学设备采购项目",
                1,
                "教学及办公设备",
                ProcurementMethod.REVERSE_AUCTION,
                LocalDate.of(2026, 3, 2),
                PURCHASER,
                SUPPLIER,
                PriceAllocation.allocate(lines(lines), awarded),
                awarded,
                terms,
                DRAFTED,
                1);
    }
}
