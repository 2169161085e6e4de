package io.sunshine.procurement.project.entity;

import io.sunshine.procurement.requirement.entity.RequirementItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One item of a lot: a copy of the requirement item it comes from, as it was when the project was
 * opened (the notice publishes this, and a later change of the plan does not rewrite it).
 */
@Entity
@Table(name = "lot_item")
public class LotItem {
    @Id
    @SequenceGenerator(name = "lot_item_seq", sequenceName = "lot_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lot_item_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lot_id", nullable = false)
    private ProjectLot lot;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "requirement_item_id", nullable = false)
    private RequirementItem requirementItem;

    @Column(name = "catalogue_code", nullable = false, length = 30)
    private String catalogueCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "specification", length = 2000)
    private String specification;

    @Column(name = "quantity", nullable = false, precision = 18, scale = 3)
    private BigDecimal quantity;

    @Column(name = "unit", nullable = false, length = 20)
    private String unit;

    @Column(name = "unit_price", nullable = false, precision = 18, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "amount", nullable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    protected LotItem() {}

    public LotItem(ProjectLot lot, int lineNo, RequirementItem from) {
        this.lot = lot;
        this.lineNo = lineNo;
        this.requirementItem = from;
        this.catalogueCode = from.getCatalogueCode();
        this.name = from.getName();
        this.specification = from.getSpecification();
        this.quantity = from.getQuantity();
        this.unit = from.getUnit();
        this.unitPrice = from.getUnitPrice();
        this.amount = from.getAmount();
    }

    public Long getId() {
        return id;
    }

    public ProjectLot getLot() {
        return lot;
    }

    public int getLineNo() {
        return lineNo;
    }

    public RequirementItem getRequirementItem() {
        return requirementItem;
    }

    public String getCatalogueCode() {
        return catalogueCode;
    }

    public String getName() {
        return name;
    }

    public String getSpecification() {
        return specification;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
