package io.sunshine.platform.boundary;

import java.io.IOException;

/** A request body of undeclared length ran past its cap while being read (see RequestSizeLimit). */
public class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long cap;

    public BodyTooLarge(long cap) {
        super("request body longer than " + cap + " bytes");
        this.cap = cap;
    }

    /** The cap in whole megabytes, rounded up, as the problem message names it. */
    public long capMegabytes() {
        return (cap + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
