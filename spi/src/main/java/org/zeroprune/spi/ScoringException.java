package org.zeroprune.spi;

/** A strategy could not prepare or score; the message says what and why. */
public class ScoringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the strategy, the tensor or the option involved */
    public ScoringException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
