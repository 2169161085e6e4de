package io.sunshine.procurement.ocds.control;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;

/**
 * The OCDS method codelist ({@code open}, {@code selective}, {@code limited}, {@code direct}) for
 * each method of the Government Procurement Law, with the Chinese name kept in {@code
 * procurementMethodDetails}.
 *
 * <ul>
 *   <li>公开招标 → open: "all interested suppliers may submit a tender".
 *   <li>网上竞价 → open: every registered supplier that meets the published qualification may bid.
 *   <li>邀请招标 → selective: "only qualified suppliers are invited to submit a tender" (Law art. 29,
 *       实施条例 第14条: suppliers are pre-qualified or drawn from a list, then invited).
 *   <li>竞争性谈判, 竞争性磋商, 询价 → selective. The platform always publishes a notice for them and only
 *       suppliers that pass the qualification check are invited to negotiate or quote (财政部令第74号
 *       第12条 and 财库〔2014〕214号 第6条 way one, 发布公告). Not "limited": OCDS keeps that for a buyer
 *       contacting suppliers of its own choice; if the platform later lets a unit invite
 *       recommended suppliers without a notice (way three, 书面推荐), such a project is "limited".
 *   <li>单一来源 → direct: "awarded to a single supplier without competition".
 * </ul>
 */
public final class MethodMapping {
    private MethodMapping() {}

    /** The code from the OCDS 1.1 {@code method} codelist (closed). */
    public static String code(ProcurementMethod method) {
        return switch (method) {
            case OPEN_TENDER, REVERSE_AUCTION -> "open";
            case INVITED_TENDER,
                            COMPETITIVE_NEGOTIATION,
                            COMPETITIVE_CONSULTATION,
                            REQUEST_FOR_QUOTATION ->
                    "selective";
            case SINGLE_SOURCE -> "direct";
        };
    }

    /** The method's name in Chinese law, for {@code procurementMethodDetails}. */
    public static String details(ProcurementMethod method) {
        return switch (method) {
            case OPEN_TENDER -> "公开招标";
            case INVITED_TENDER -> "邀请招标";
            case COMPETITIVE_NEGOTIATION -> "竞争性谈判";
            case COMPETITIVE_CONSULTATION -> "竞争性磋商";
            case REQUEST_FOR_QUOTATION -> "询价";
            case SINGLE_SOURCE -> "单一来源";
            case REVERSE_AUCTION -> "网上竞价";
        };
    }
}
