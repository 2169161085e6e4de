package io.sunshine.procurement.requirement.entity;

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
import java.util.Objects;

/** One item of a requirement; its amount is quantity × estimated unit price, computed. */
@Entity
@Table(name = "requirement_item")
public class RequirementItem {
    @Id
    @SequenceGenerator(
            name = "requirement_item_seq",
            sequenceName = "requirement_item_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requirement_item_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "requirement_id", nullable = false)
    private Requirement requirement;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

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

    protected RequirementItem() {}

    public RequirementItem(
            Requirement requirement,
            int lineNo,
            String catalogueCode,
            String name,
            String specification,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal amount) {
        this.requirement = Objects.requireNonNull(requirement);
        this.lineNo = lineNo;
        this.catalogueCode = catalogueCode;
        this.name = name;
        this.specification = specification;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.amount = amount;
    }

    public Long getId() {
        return id;
    }

    public int getLineNo() {
        return lineNo;
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
