package org.zeroprune.spi.sums;

/** What is summed per weight entry {@code w}. */
public enum EntryMeasure {
    /** {@code w²}: sums are squared Frobenius norms. */
    SQUARE,
    /** {@code |w|}: sums are entrywise L1 norms. */
    ABS;

    /**
     * The measure of one entry, in double precision.
     *
     * @param w a weight entry
     * @return {@code w²} or {@code |w|}
     */
    public double of(float w) {
        double d = w;
        return this == SQUARE ? d * d : Math.abs(d);
    }
}
