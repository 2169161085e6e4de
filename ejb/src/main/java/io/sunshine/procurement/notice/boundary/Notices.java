package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.ChineseCapitalAmount;
import io.sunshine.procurement.notice.control.AwardNoticeText;
import io.sunshine.procurement.notice.control.NoticeTemplates;
import io.sunshine.procurement.notice.control.SearchTerms;
import io.sunshine.procurement.notice.control.StatutoryPeriod;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectDocument;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.requirement.entity.ProcurementIntention;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the public notices: renders the zh-CN template of the type ({@code config/notices/}),
 * stores the notice once with the fields the portal filters on and its search terms, and audits the
 * publication. Called by the boundaries that own the step (projects, requirements) inside their
 * transaction; never directly from the web.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Notices {
    static final String SUBJECT = "Notice";
    private static final NoticeTemplates TEMPLATES =
            NoticeTemplates.load(Notices.class.getClassLoader());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(PlatformClock.SHANGHAI);

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @Inject NoticeRules rules;
    @Inject java.time.Clock clock;

    /** 采购意向公开 of an approved plan. */
    public PublishedNotice intention(
            Requirement r, ProcurementIntention intention, Instant at, String by) {
        Map<String, String> v = common(at, by, r.getUnit().getName(), "", r.getReference());
        v.put("projectTitle", intention.getTitle());
        v.put("method", methodName(r.getMethod()));
        v.put("noticeKind", "采购意向");
        v.put("expectedMonth", intention.getExpectedMonth());
        v.put("summary", intention.getSummary());
        v.put("budget", amount(intention.getBudget()));
        v.put("budgetCapitals", ChineseCapitalAmount.of(intention.getBudget()));
        PublishedNotice n =
                write(
                        NoticeType.INTENTION,
                        v,
                        r.getMethod(),
                        r.getCategory(),
                        r.getUnit().getId(),
                        r.getUnit().getName(),
                        null,
                        intention.getBudget(),
                        at,
                        by,
                        r.getItems().stream()
                                .map(RequirementItem::getCatalogueCode)
                                .collect(Collectors.toCollection(LinkedHashSet::new)));
        n.about(null, r.getId(), null);
        return finish(n, at, r.getReference());
    }

    /** 采购公告 or 单一来源采购公示 of a project being published. */
    public PublishedNotice procurement(
            Project p, List<ProjectDocument> documents, Instant at, String by) {
        boolean singleSource = p.getMethod() == ProcurementMethod.SINGLE_SOURCE;
        NoticeType type = singleSource ? NoticeType.SINGLE_SOURCE : NoticeType.PROCUREMENT;
        Map<String, String> v = projectValues(p, at, by);
        BigDecimal budget = p.budget();
        v.put("budget", amount(budget));
        v.put("budgetCapitals", ChineseCapitalAmount.of(budget));
        v.put("lots", lots(p));
        v.put("description", orNone(p.getDescription()));
        v.put("qualification", orNone(p.getQualification()));
        v.put("smePolicy", smePolicy(p));
        v.put(
                "documents",
                documents.isEmpty()
                        ? "无"
                        : documents.stream()
                                .map(d -> d.getFileName() + "（SHA-256 " + d.getSha256() + "）")
                                .collect(Collectors.joining("；")));
        v.put("deadline", MINUTE.format(p.getBidDeadline()));
        v.put("deadlineLabel", deadlineLabel(p.getMethod()));
        v.put("openingLine", openingLine(p));
        StatutoryPeriod period = rules.table().notice(p.getMethod());
        v.put(
                "noticePeriod",
                period.length()
                        + (period.unit() == io.sunshine.procurement.notice.control.PeriodUnit.DAYS
                                ? "日"
                                : "个工作日"));
        v.put("bidSecurity", bidSecurity(p));
        v.put("methodReason", orNone(p.getMethodReason()));
        PublishedNotice n = write(type, v, p, at, by);
        n.deadlines(
                p.getBidDeadline(),
                tender(p.getMethod()) ? p.getBidDeadline() : null,
                p.getAuctionStart());
        return finish(n, at, p.getReference());
    }

    /** 更正公告: what changed, and the deadline if it moved. */
    public PublishedNotice correction(
            Project p,
            PublishedNotice corrected,
            String rationale,
            boolean affectsBids,
            Instant oldDeadline,
            Instant at,
            String by) {
        Map<String, String> v = projectValues(p, at, by);
        v.put("originalPublishedOn", DAY.format(day(corrected.getPublishedAt())));
        v.put("correctedNoticeNo", corrected.getNoticeNo());
        v.put("rationale", rationale);
        v.put(
                "deadlineChange",
                oldDeadline.equals(p.getBidDeadline())
                        ? deadlineLabel(p.getMethod()) + "不变：" + MINUTE.format(oldDeadline) + "。"
                        : deadlineLabel(p.getMethod())
                                + "由 "
                                + MINUTE.format(oldDeadline)
                                + " 顺延至 "
                                + MINUTE.format(p.getBidDeadline())
                                + (p.getAuctionStart() != null
                                        ? "；竞价开始时间调整为 " + MINUTE.format(p.getAuctionStart())
                                        : "")
                                + "。");
        v.put("affectsBids", affectsBids ? "可能影响投标（响应）文件编制" : "不影响投标（响应）文件编制");
        PublishedNotice n = write(NoticeType.CORRECTION, v, p, at, by);
        n.about(p.getId(), null, corrected.getId());
        n.deadlines(
                p.getBidDeadline(),
                tender(p.getMethod()) ? p.getBidDeadline() : null,
                p.getAuctionStart());
        return finish(n, at, p.getReference());
    }

    /** 终止公告. */
    public PublishedNotice termination(Project p, String reason, Instant at, String by) {
        Map<String, String> v = projectValues(p, at, by);
        v.put("reason", reason);
        PublishedNotice n = write(NoticeType.TERMINATION, v, p, at, by);
        return finish(n, at, p.getReference());
    }

    /**
     * 中标/成交结果公告 of the awarded lots of a project (实施条例 第四十三条): each lot's supplier and amount in
     * figures and capitals, and the lots' items. Called by the award step inside its transaction.
     */
    public PublishedNotice award(
            Project p, List<AwardNoticeText.Winner> winners, Instant at, String by) {
        if (winners.isEmpty()) {
            throw new IllegalArgumentException("An award notice awards at least one lot.");
        }
        Map<String, String> v = projectValues(p, at, by);
        v.put("awardKind", awardKind(p.getMethod()));
        v.put("awards", AwardNoticeText.awards(winners));
        Set<Integer> awarded =
                winners.stream()
                        .map(AwardNoticeText.Winner::lotNo)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        v.put("lots", AwardNoticeText.lots(awardedLots(p, awarded)));
        PublishedNotice n = write(NoticeType.AWARD, v, p, at, by);
        return finish(n, at, p.getReference());
    }

    /**
     * Publishes the contract notice (合同公告) of a signed contract (实施条例 第五十条). {@code values} are the
     * contract's figures the template asks for ({@link NoticeTemplates#VARIABLES}); a field
     * withheld as a commercial secret already carries the words saying so.
     */
    public PublishedNotice contract(Project p, Map<String, String> values, Instant at, String by) {
        Map<String, String> v = projectValues(p, at, by);
        v.putAll(values);
        PublishedNotice n = write(NoticeType.CONTRACT, v, p, at, by);
        return finish(n, at, p.getReference());
    }

    /** Every notice of a project, oldest first. */
    public List<PublishedNotice> ofProject(long projectId) {
        return em.createQuery(
                        "SELECT n FROM PublishedNotice n WHERE n.projectId = :p ORDER BY"
                                + " n.publishedAt, n.id",
                        PublishedNotice.class)
                .setParameter("p", projectId)
                .getResultList();
    }

    private PublishedNotice write(
            NoticeType type, Map<String, String> v, Project p, Instant at, String by) {
        Set<String> codes = new LinkedHashSet<>();
        for (ProjectLot l : p.getLots()) {
            for (LotItem i : l.getItems()) {
                codes.add(i.getCatalogueCode());
            }
        }
        PublishedNotice n =
                write(
                        type,
                        v,
                        p.getMethod(),
                        p.getCategory(),
                        p.getBuyer().getId(),
                        p.getBuyer().getName(),
                        p.getAgency().getName(),
                        p.budget(),
                        at,
                        by,
                        codes);
        n.about(p.getId(), null, null);
        return n;
    }

    private PublishedNotice write(
            NoticeType type,
            Map<String, String> values,
            ProcurementMethod method,
            String category,
            long buyerId,
            String buyerName,
            String agencyName,
            BigDecimal budget,
            Instant at,
            String by,
            Set<String> codes) {
        NoticeTemplates.Rendered r = TEMPLATES.render(type, values);
        PublishedNotice n =
                new PublishedNotice(
                        type,
                        r.title(),
                        r.body(),
                        method,
                        category,
                        buyerId,
                        buyerName,
                        agencyName,
                        budget,
                        at,
                        by,
                        SearchTerms.joined(r.title(), r.body()));
        n.classify(codes);
        return n;
    }

    /**
     * Persists the notice with its number. The number comes from the id, so it is known only after
     * the insert; the notice's text names it, so the number is assigned before the (single) insert
     * by taking the id from the sequence first.
     */
    private PublishedNotice finish(PublishedNotice n, Instant at, String subject) {
        em.persist(n);
        n.assignNumber(day(at).getYear());
        em.flush();
        audit.record(
                "NOTICE_PUBLISHED",
                SUBJECT,
                n.getNoticeNo(),
                null,
                "type=" + n.getType() + "; subject=" + subject + "; title=" + n.getTitle());
        return n;
    }

    private Map<String, String> projectValues(Project p, Instant at, String by) {
        Map<String, String> v =
                common(at, by, p.getBuyer().getName(), p.getAgency().getName(), p.getReference());
        v.put("projectTitle", p.getTitle());
        v.put("method", methodName(p.getMethod()));
        v.put("noticeKind", noticeKind(p.getMethod()));
        return v;
    }

    private static Map<String, String> common(
            Instant at, String by, String buyer, String agency, String reference) {
        Map<String, String> v = new HashMap<>();
        v.put("publishedOn", DAY.format(day(at)));
        v.put("publishedBy", by);
        v.put("buyerName", buyer);
        v.put("agencyName", agency == null || agency.isEmpty() ? "无（采购人自行组织）" : agency);
        v.put("projectReference", reference);
        return v;
    }

    private static String lots(Project p) {
        StringBuilder sb = new StringBuilder();
        for (ProjectLot l : p.getLots()) {
            sb.append("第")
                    .append(l.getLotNo())
                    .append("包：")
                    .append(l.getTitle())
                    .append("，预算金额 ")
                    .append(amount(l.getBudget()))
                    .append(" 元")
                    .append(l.isSmeOnly() ? "（专门面向中小企业）" : "")
                    .append('\n');
            for (LotItem i : l.getItems()) {
                sb.append("  ")
                        .append(i.getLineNo())
                        .append(". ")
                        .append(i.getName())
                        .append("（")
                        .append(i.getCatalogueCode())
                        .append("）")
                        .append(" ")
                        .append(i.getQuantity().stripTrailingZeros().toPlainString())
                        .append(i.getUnit());
                if (i.getSpecification() != null && !i.getSpecification().isBlank()) {
                    sb.append("，").append(i.getSpecification());
                }
                sb.append('\n');
            }
            if (l.getQualification() != null && !l.getQualification().isBlank()) {
                sb.append("  本包特定资格要求：").append(l.getQualification()).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String smePolicy(Project p) {
        String reserved =
                p.getLots().stream()
                        .filter(ProjectLot::isSmeOnly)
                        .map(l -> "第" + l.getLotNo() + "包")
                        .collect(Collectors.joining("、"));
        return reserved.isEmpty()
                ? "本项目不专门面向中小企业，对小微企业报价给予价格扣除优惠（财库〔2020〕46号）。"
                : reserved + "专门面向中小企业采购，供应商应出具《中小企业声明函》（财库〔2020〕46号）。";
    }

    private static String bidSecurity(Project p) {
        String s =
                p.getLots().stream()
                        .filter(l -> l.getBidSecurity() != null && l.getBidSecurity().signum() > 0)
                        .map(l -> "第" + l.getLotNo() + "包 " + amount(l.getBidSecurity()) + " 元")
                        .collect(Collectors.joining("；"));
        return s.isEmpty() ? "本项目不收取保证金。" : s + "（以保函等非现金形式提交，不超过预算金额的2%）。";
    }

    private static String openingLine(Project p) {
        return switch (p.getMethod()) {
            case OPEN_TENDER, INVITED_TENDER ->
                    "开标时间：" + MINUTE.format(p.getBidDeadline()) + "（北京时间），在本平台电子开标。";
            case REVERSE_AUCTION ->
                    "竞价开始时间："
                            + MINUTE.format(p.getAuctionStart())
                            + "（北京时间），已报名并通过资格审查的供应商在本平台在线竞价。"
                            + p.getLots().stream()
                                    .map(
                                            l ->
                                                    "\n第"
                                                            + l.getLotNo()
                                                            + "包竞价规则："
                                                            + io.sunshine.procurement.auction
                                                                    .control.AuctionSettings
                                                                    .fromJson(l.getAuctionRules())
                                                                    .describe(
                                                                            io.sunshine.platform
                                                                                    .control.Money
                                                                                    .of(
                                                                                            l
                                                                                                    .getBudget())))
                                    .collect(Collectors.joining());
            case SINGLE_SOURCE -> "公示期满后与拟定供应商协商。";
            default -> "首次响应文件递交截止后，由评审小组在本平台组织谈判（磋商、询价）。";
        };
    }

    static String deadlineLabel(ProcurementMethod m) {
        return switch (m) {
            case OPEN_TENDER, INVITED_TENDER -> "提交投标文件截止时间、开标时间";
            case REVERSE_AUCTION -> "报名截止时间";
            case SINGLE_SOURCE -> "公示截止时间";
            default -> "提交响应文件截止时间";
        };
    }

    static String noticeKind(ProcurementMethod m) {
        return switch (m) {
            case OPEN_TENDER -> "公开招标公告";
            case INVITED_TENDER -> "邀请招标资格预审公告";
            case COMPETITIVE_NEGOTIATION -> "竞争性谈判公告";
            case COMPETITIVE_CONSULTATION -> "竞争性磋商公告";
            case REQUEST_FOR_QUOTATION -> "询价公告";
            case SINGLE_SOURCE -> "单一来源采购公示";
            case REVERSE_AUCTION -> "网上竞价公告";
        };
    }

    private static List<AwardNoticeText.Lot> awardedLots(Project p, Set<Integer> lotNos) {
        List<AwardNoticeText.Lot> lots = new java.util.ArrayList<>();
        for (ProjectLot l : p.getLots()) {
            if (!lotNos.contains(l.getLotNo())) {
                continue;
            }
            List<AwardNoticeText.Item> items = new java.util.ArrayList<>();
            for (LotItem i : l.getItems()) {
                items.add(
                        new AwardNoticeText.Item(
                                i.getLineNo(),
                                i.getName(),
                                i.getCatalogueCode(),
                                i.getSpecification(),
                                i.getQuantity(),
                                i.getUnit(),
                                i.getUnitPrice()));
            }
            lots.add(new AwardNoticeText.Lot(l.getLotNo(), l.getTitle(), items));
        }
        return lots;
    }

    /** 中标 for a tender, 成交 for the other methods (an auction's result is 成交). */
    static String awardKind(ProcurementMethod m) {
        return switch (m) {
            case OPEN_TENDER, INVITED_TENDER -> "中标";
            default -> "成交";
        };
    }

    static String methodName(ProcurementMethod m) {
        return switch (m) {
            case OPEN_TENDER -> "公开招标";
            case INVITED_TENDER -> "邀请招标";
            case COMPETITIVE_NEGOTIATION -> "竞争性谈判";
            case COMPETITIVE_CONSULTATION -> "竞争性磋商";
            case REQUEST_FOR_QUOTATION -> "询价";
            case SINGLE_SOURCE -> "单一来源";
            case REVERSE_AUCTION -> "网上竞价";
        };
    }

    private static boolean tender(ProcurementMethod m) {
        return m == ProcurementMethod.OPEN_TENDER || m == ProcurementMethod.INVITED_TENDER;
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "无" : s;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(PlatformClock.SHANGHAI).toLocalDate();
    }

    static String amount(BigDecimal a) {
        DecimalFormat f =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(a);
    }
}
