package io.sunshine.procurement.ocds.control;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a lot: what is bought, classified by the 政府采购品目分类目录.
 *
 * @param id unique within the project (e.g. "1-1": lot 1, line 1)
 * @param catalogueCode the catalogue code, e.g. "A02010105"; its first letter gives the category
 * @param catalogueName the catalogue entry's name, e.g. "台式计算机"
 * @param description what the purchaser asks for, e.g. "台式计算机（教学用）"
 * @param quantity how many units
 * @param unitName the unit of measure, e.g. "台"
 * @param unitPrice the estimated price of one unit in yuan, or {@code null}
 */
public record ProjectItem(
        String id,
        String catalogueCode,
        String catalogueName,
        String description,
        BigDecimal quantity,
        String unitName,
        BigDecimal unitPrice) {

    /**
     * Our scheme id for the 政府采购品目分类目录 (财库〔2022〕31号). OCDS's itemClassificationScheme codelist is
     * open and has no entry for it, so we name it after the country and catalogue: CN Government
     * Procurement Catalogue.
     */
    public static final String CLASSIFICATION_SCHEME = "CN-GPCC";

    public ProjectItem {
        Objects.requireNonNull(id, "An item id is required.");
        Objects.requireNonNull(catalogueCode, "A catalogue code is required.");
        Objects.requireNonNull(description, "An item description is required.");
        Objects.requireNonNull(quantity, "A quantity is required.");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("A quantity must be positive: " + quantity);
        }
    }
}
