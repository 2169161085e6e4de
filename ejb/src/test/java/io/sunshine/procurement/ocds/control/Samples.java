package io.sunshine.procurement.ocds.control;

import static io.sunshine.procurement.requirement.entity.ProcurementMethod.OPEN_TENDER;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One realistic procurement of a city school, from intention to acceptance, with every notice the
 * platform publishes. Names and credit codes are made up; their form is real.
 */
final class Samples {
    static final String PREFIX = "ocds-lj2026";
    static final String REFERENCE = "LJCG-2026-0042";

    /** The package metadata of the city's open-data API. */
    static final PackageHeader HEADER =
            new PackageHeader(
                    URI.create("https://ccgp.linjiang.example.cn/api/ocds/releases?page=1"),
                    Samples.at("2026-07-12T10:05"),
                    Publisher.of(
                            new Organization("临江市财政局", "11320100014123456K"),
                            URI.create("https://czj.linjiang.example.cn/")),
                    URI.create("https://creativecommons.org/licenses/by/4.0/"),
                    URI.create("https://ccgp.linjiang.example.cn/open-data/policy"));

    static final Organization SCHOOL =
            new Organization(
                    "临江市第一中学", "12320100466000123X", "临江市鼓楼区中山北路88号", "王老师", "025-83331234");
    static final Organization AGENCY =
            new Organization(
                    "临江市政府采购中心", "12320100MB1234567Q", "临江市建邺区江东中路265号", "李经理", "025-68789000");
    static final Organization HUAXIN = new Organization("临江华信科技有限公司", "91320100MA1WXY2345");
    static final Organization CHANGJIANG = new Organization("长江电子设备有限公司", "91320105MA1P7QR8X1");
    static final Organization DONGFANG = new Organization("东方教育装备有限公司", "91320111MA20AB3C4D");

    static final Lot COMPUTERS =
            new Lot(
                    "1",
                    "第1包：教学用计算机",
                    new BigDecimal("580000.00"),
                    List.of(
                            new ProjectItem(
                                    "1-1",
                                    "A02010105",
                                    "台式计算机",
                                    "台式计算机（教学用，i5/16G/512G SSD）",
                                    new BigDecimal("120"),
                                    "台",
                                    new BigDecimal("4800.00"))));
    static final Lot WHITEBOARDS =
            new Lot(
                    "2",
                    "第2包：交互式电子白板",
                    new BigDecimal("260000.00"),
                    List.of(
                            new ProjectItem(
                                    "2-1",
                                    "A02020700",
                                    "电子白板",
                                    "86英寸交互式电子白板（含安装）",
                                    new BigDecimal("20"),
                                    "套",
                                    new BigDecimal("12500.00"))));

    static ProcurementProject project() {
        return project(OPEN_TENDER, SCHOOL, AGENCY);
    }

    static ProcurementProject project(
            ProcurementMethod method, Organization buyer, Organization procuringEntity) {
        return new ProcurementProject(
                REFERENCE,
                "临江市第一中学教学用计算机及多媒体设备采购项目",
                "新建计算机教室两间及二十间普通教室多媒体改造",
                method,
                method == ProcurementMethod.SINGLE_SOURCE
                        ? "原有系统扩容，只能从原供应商处采购（政府采购法第三十一条第二项）"
                        : null,
                buyer,
                procuringEntity,
                List.of(COMPUTERS, WHITEBOARDS));
    }

    /** A local time in Shanghai, as a notice shows it. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OcdsDates.SHANGHAI).toInstant();
    }

    static URI page(String noticeId) {
        return URI.create("https://ccgp.linjiang.example.cn/notices/" + noticeId);
    }

    static Notice.Intention intention() {
        return new Notice.Intention(
                "YX-2026-0107",
                at("2026-01-05T10:00"),
                page("YX-2026-0107"),
                project(),
                LocalDate.of(2026, 3, 1));
    }

    static Notice.Procurement procurement() {
        return new Notice.Procurement(
                "GG-2026-0301",
                at("2026-03-02T09:30"),
                page("GG-2026-0301"),
                project(),
                at("2026-03-23T09:30"),
                at("2026-03-23T09:30"));
    }

    static Notice.Correction correction() {
        return new Notice.Correction(
                "GZ-2026-0310",
                at("2026-03-10T15:00"),
                page("GZ-2026-0310"),
                project(),
                "GG-2026-0301",
                "第1包技术参数更正：内存由8G调整为16G，投标截止时间顺延",
                at("2026-03-27T09:30"));
    }

    static Notice.Termination termination() {
        return new Notice.Termination(
                "ZZ-2026-0328",
                at("2026-03-28T16:00"),
                page("ZZ-2026-0328"),
                project(),
                "因采购需求发生重大变化，终止本次采购活动");
    }

    static Notice.Award award() {
        return new Notice.Award(
                "JG-2026-0401",
                at("2026-04-01T17:00"),
                page("JG-2026-0401"),
                project(),
                List.of(
                        new Notice.AwardedLot("1", HUAXIN, new BigDecimal("556800.00")),
                        new Notice.AwardedLot("2", DONGFANG, new BigDecimal("238000.00"))),
                List.of(HUAXIN, CHANGJIANG, DONGFANG));
    }

    static Notice.Contract contract() {
        return new Notice.Contract(
                "HT-2026-0415",
                at("2026-04-15T11:00"),
                page("HT-2026-0415"),
                project(),
                "LJCG-2026-0042-HT01",
                award(),
                "1",
                new BigDecimal("556800.00"),
                at("2026-04-13T10:00"),
                LocalDate.of(2026, 4, 15),
                LocalDate.of(2026, 6, 30));
    }

    static Notice.Acceptance acceptance() {
        return new Notice.Acceptance(
                "YS-2026-0712",
                at("2026-07-12T10:00"),
                page("YS-2026-0712"),
                contract(),
                at("2026-07-08T15:30"),
                "验收合格：120台计算机全部到货安装，功能与配置符合合同约定");
    }

    /** Every notice of a process that ran to acceptance, in publication order. */
    static List<Notice> completedProcess() {
        return List.of(intention(), procurement(), correction(), award(), contract(), acceptance());
    }

    /** One notice of each type (the termination belongs to a process of its own in real life). */
    static List<Notice> everyType() {
        return List.of(
                intention(),
                procurement(),
                correction(),
                termination(),
                award(),
                contract(),
                acceptance());
    }

    private Samples() {}
}
