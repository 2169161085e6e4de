package io.sunshine.procurement.contract.control;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a contract PDF prints besides its template's wording: the number the platform gave it
 * (SP-HT-2026-000123), its name, the project and lot it awards, the method, the date the award
 * notice was sent, the two parties, the items at the awarded price, the total, the terms, when this
 * version was drafted and its version number (a contract redrafted after a change gets a new
 * version, and both parties sign that one).
 *
 * <p>The record refuses content a contract cannot have: items whose amounts do not add up to the
 * total ({@link IllegalArgumentException}: the caller built them with {@link PriceAllocation}) and
 * terms that {@link ContractTerms#validated()} refuses (a {@code Refusal}, since terms are typed by
 * the purchaser); it holds the validated terms.
 *
 * @param title the contract's name (合同名称), e.g. "滨江区教育局台式计算机采购合同"
 * @param draftedAt when this version was drafted: the PDF's creation date, so the same content
 *     renders to the same bytes
 */
public record ContractContent(
        String contractNumber,
        String title,
        String projectCode,
        String projectTitle,
        int lotNo,
        String lotTitle,
        ProcurementMethod method,
        LocalDate awardNoticeDate,
        Party purchaser,
        Party supplier,
        List<ContractItem> items,
        BigDecimal total,
        ContractTerms terms,
        Instant draftedAt,
        int version) {

    public ContractContent {
        Objects.requireNonNull(contractNumber, "The contract number is required.");
        Objects.requireNonNull(title, "The contract's name is required.");
        Objects.requireNonNull(projectCode, "The project code is required.");
        Objects.requireNonNull(projectTitle, "The project title is required.");
        Objects.requireNonNull(method, "The procurement method is required.");
        Objects.requireNonNull(awardNoticeDate, "The award notice date is required.");
        Objects.requireNonNull(purchaser, "The purchaser is required.");
        Objects.requireNonNull(supplier, "The supplier is required.");
        Objects.requireNonNull(items, "The items are required.");
        Objects.requireNonNull(total, "The total is required.");
        Objects.requireNonNull(terms, "The terms are required.");
        Objects.requireNonNull(draftedAt, "The drafting time is required.");
        lotTitle = lotTitle == null ? "" : lotTitle;
        items = List.copyOf(items);
        if (lotNo < 1) {
            throw new IllegalArgumentException("Lots are numbered from 1: " + lotNo);
        }
        if (version < 1) {
            throw new IllegalArgumentException("Versions are numbered from 1: " + version);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A contract has at least one item.");
        }
        if (total.signum() <= 0 || total.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("The total is a positive amount in fen: " + total);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).lineNo() != i + 1) {
                throw new IllegalArgumentException(
                        "Items are numbered 1, 2, … in order: " + items.get(i).lineNo());
            }
            sum = sum.add(items.get(i).amount());
        }
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException(
                    "The items add up to " + sum.toPlainString() + ", not the total " + total);
        }
        terms = terms.validated();
    }

    /**
     * The same contract with other terms, drafted at another time (the buyer amended the draft).
     */
    public ContractContent withTerms(ContractTerms newTerms, Instant at) {
        return new ContractContent(
                contractNumber,
                title,
                projectCode,
                projectTitle,
                lotNo,
                lotTitle,
                method,
                awardNoticeDate,
                purchaser,
                supplier,
                items,
                total,
                newTerms,
                at,
                version);
    }
}
