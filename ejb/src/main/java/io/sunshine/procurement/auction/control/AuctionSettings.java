package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Jsonp;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The auction rules an agency sets for one lot before publishing it, each one optional: what is
 * left out takes {@link AuctionDefaults}. Stored with the lot (as JSON) until publication, when the
 * lot's auction is opened with {@link #rules} and {@link #length}.
 *
 * @param ceiling 最高限价 in yuan, at most the lot's budget (default: the budget)
 * @param decrementKind AMOUNT (yuan) or PERCENT (of the ceiling; the kind when only a value is
 *     given)
 * @param decrementValue the minimum decrement
 * @param basis BEST or OWN_LAST
 * @param windowMinutes anti-sniping window, 0 for none
 * @param extensionMinutes by how much a bid in the window moves the close
 * @param maxExtensions at most this many times
 * @param visibility RANK_AND_BEST or RANK_ONLY
 * @param minBidders fewer qualified bidders and the auction fails
 * @param durationMinutes from the start to the scheduled close
 */
public record AuctionSettings(
        BigDecimal ceiling,
        Decrement.Kind decrementKind,
        BigDecimal decrementValue,
        AuctionRules.Basis basis,
        Integer windowMinutes,
        Integer extensionMinutes,
        Integer maxExtensions,
        AuctionRules.Visibility visibility,
        Integer minBidders,
        Integer durationMinutes)
        implements java.io.Serializable {

    public static final AuctionSettings DEFAULTS =
            new AuctionSettings(null, null, null, null, null, null, null, null, null, null);
    public static final int MIN_DURATION_MINUTES = 10;
    public static final int MAX_DURATION_MINUTES = 480;

    /** The rules for a lot of this budget, checked (AUCTION_RULES_INVALID naming the field). */
    public AuctionRules rules(Money budget) {
        AuctionRules d = AuctionDefaults.forLot(budget);
        // a kind without a value is the default decrement (a form's menu always sends a kind)
        Decrement decrement =
                decrementValue == null
                        ? d.decrement()
                        : new Decrement(
                                decrementKind == null ? Decrement.Kind.PERCENT : decrementKind,
                                decrementValue);
        if (ceiling != null && ceiling.stripTrailingZeros().scale() > 2) {
            throw new Refusal(
                    ProblemCode.AUCTION_RULES_INVALID,
                    "ceiling",
                    "ceiling",
                    ceiling.toPlainString(),
                    budget.amount().toPlainString());
        }
        return new AuctionRules(
                        ceiling == null ? d.ceiling() : Money.of(ceiling),
                        decrement,
                        basis == null ? d.basis() : basis,
                        windowMinutes == null ? d.window() : Duration.ofMinutes(windowMinutes),
                        extensionMinutes == null
                                ? d.extension()
                                : Duration.ofMinutes(extensionMinutes),
                        maxExtensions == null ? d.maxExtensions() : maxExtensions,
                        visibility == null ? d.visibility() : visibility,
                        minBidders == null ? d.minBidders() : minBidders)
                .check(budget);
    }

    /** From the start to the scheduled close: 10 minutes to 8 hours, 30 by default. */
    public Duration length() {
        if (durationMinutes == null) {
            return AuctionDefaults.LENGTH;
        }
        if (durationMinutes < MIN_DURATION_MINUTES || durationMinutes > MAX_DURATION_MINUTES) {
            throw new Refusal(
                    ProblemCode.AUCTION_RULES_INVALID,
                    "durationMinutes",
                    "durationMinutes",
                    durationMinutes,
                    MIN_DURATION_MINUTES + "–" + MAX_DURATION_MINUTES);
        }
        return Duration.ofMinutes(durationMinutes);
    }

    /** Every rule spelt out, the defaults included, as the lot's auction will run. */
    public AuctionSettings effective(Money budget) {
        AuctionRules r = rules(budget);
        return new AuctionSettings(
                r.ceiling().amount(),
                r.decrement().kind(),
                r.decrement().value(),
                r.basis(),
                (int) r.window().toMinutes(),
                (int) r.extension().toMinutes(),
                r.maxExtensions(),
                r.visibility(),
                r.minBidders(),
                (int) length().toMinutes());
    }

    /** The rules in one Chinese sentence, for the procurement notice (shown before the start). */
    public String describe(Money budget) {
        AuctionRules r = rules(budget);
        String decrement =
                r.decrement().kind() == Decrement.Kind.PERCENT
                        ? "最高限价的 "
                                + r.decrement().value().stripTrailingZeros().toPlainString()
                                + "%"
                        : r.decrement().value().toPlainString() + " 元";
        String sniping =
                r.window().isZero()
                        ? "不延时"
                        : "结束前 "
                                + r.window().toMinutes()
                                + " 分钟内有有效报价的，结束时间延后 "
                                + r.extension().toMinutes()
                                + " 分钟，最多延时 "
                                + r.maxExtensions()
                                + " 次";
        return "最高限价 "
                + r.ceiling().amount().toPlainString()
                + " 元；最小降价幅度 "
                + decrement
                + "（每次至少降低 "
                + r.step().amount().toPlainString()
                + " 元）；"
                + (r.basis() == AuctionRules.Basis.BEST
                        ? "新报价须低于当前最低价减降价幅度"
                        : "新报价须低于本供应商上次报价减降价幅度，同价按报价先后排名")
                + "；竞价时长 "
                + length().toMinutes()
                + " 分钟，"
                + sniping
                + "；"
                + (r.visibility() == AuctionRules.Visibility.RANK_AND_BEST
                        ? "供应商可见本方排名和当前最低价"
                        : "供应商仅可见本方排名")
                + "，成交结果公告前以代号显示；合格竞价供应商少于 "
                + r.minBidders()
                + " 家的，竞价失败。";
    }

    /** Checks everything against the lot's budget; returns itself. */
    public AuctionSettings check(Money budget) {
        rules(budget);
        length();
        return this;
    }

    public String toJson() {
        JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
        if (ceiling != null) {
            b.add("ceiling", ceiling.toPlainString());
        }
        if (decrementKind != null) {
            b.add("decrementKind", decrementKind.name());
        }
        if (decrementValue != null) {
            b.add("decrementValue", decrementValue.toPlainString());
        }
        if (basis != null) {
            b.add("basis", basis.name());
        }
        if (windowMinutes != null) {
            b.add("windowMinutes", windowMinutes);
        }
        if (extensionMinutes != null) {
            b.add("extensionMinutes", extensionMinutes);
        }
        if (maxExtensions != null) {
            b.add("maxExtensions", maxExtensions);
        }
        if (visibility != null) {
            b.add("visibility", visibility.name());
        }
        if (minBidders != null) {
            b.add("minBidders", minBidders);
        }
        if (durationMinutes != null) {
            b.add("durationMinutes", durationMinutes);
        }
        return b.build().toString();
    }

    /** What {@link #toJson} wrote; DEFAULTS for null. */
    public static AuctionSettings fromJson(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        JsonObject o;
        try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            o = r.readObject();
        }
        return new AuctionSettings(
                o.containsKey("ceiling") ? new BigDecimal(o.getString("ceiling")) : null,
                o.containsKey("decrementKind")
                        ? Decrement.Kind.valueOf(o.getString("decrementKind"))
                        : null,
                o.containsKey("decrementValue")
                        ? new BigDecimal(o.getString("decrementValue"))
                        : null,
                o.containsKey("basis") ? AuctionRules.Basis.valueOf(o.getString("basis")) : null,
                o.containsKey("windowMinutes") ? o.getInt("windowMinutes") : null,
                o.containsKey("extensionMinutes") ? o.getInt("extensionMinutes") : null,
                o.containsKey("maxExtensions") ? o.getInt("maxExtensions") : null,
                o.containsKey("visibility")
                        ? AuctionRules.Visibility.valueOf(o.getString("visibility"))
                        : null,
                o.containsKey("minBidders") ? o.getInt("minBidders") : null,
                o.containsKey("durationMinutes") ? o.getInt("durationMinutes") : null);
    }
}
