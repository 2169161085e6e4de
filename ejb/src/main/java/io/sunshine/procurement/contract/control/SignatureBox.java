package io.sunshine.procurement.contract.control;

/**
 * An empty rectangle of the contract's signature block where a signer's visible stamp (电子签章) is
 * drawn when the contract is signed: in PDF points (1/72 inch), origin at the bottom left of the
 * page, on the page at {@code pageIndex} (0-based). Nothing else is drawn there.
 */
public record SignatureBox(int pageIndex, float x, float y, float width, float height) {
    /** Whether the box lies wholly within a page of that width and height. */
    public boolean within(float pageWidth, float pageHeight) {
        return x >= 0 && y >= 0 && x + width <= pageWidth && y + height <= pageHeight;
    }

    /** Whether this box and another on the same page share any area. */
    public boolean overlaps(SignatureBox o) {
        return pageIndex == o.pageIndex
                && x < o.x + o.width
                && o.x < x + width
                && y < o.y + o.height
                && o.y < y + height;
    }
}
