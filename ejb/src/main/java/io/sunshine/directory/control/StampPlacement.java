package io.sunshine.directory.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;

/**
 * Where a signature's visible stamp goes: a page (0 is the first) and a rectangle on it in PDF
 * points (1/72 inch), origin at the page's bottom-left corner.
 *
 * <pre>{@code
 * new StampPlacement(0, 380, 80, 150, 150); // first page, lower right of an A4 page
 * // Refusal SIGNATURE_STAMP_INVALID when the page index is negative or the box is not 20–600 pt
 * }</pre>
 */
public record StampPlacement(int pageIndex, float x, float y, float width, float height) {
    public StampPlacement {
        if (pageIndex < 0) {
            throw new Refusal(ProblemCode.SIGNATURE_STAMP_INVALID, "stamp.pageIndex", pageIndex);
        }
        if (!(width >= 20 && height >= 20 && width <= 600 && height <= 600)) {
            throw new Refusal(
                    ProblemCode.SIGNATURE_STAMP_INVALID, "stamp.width", width + "×" + height);
        }
        if (!(x >= 0 && y >= 0)) {
            throw new Refusal(ProblemCode.SIGNATURE_STAMP_INVALID, "stamp.x", x + "," + y);
        }
    }
}
