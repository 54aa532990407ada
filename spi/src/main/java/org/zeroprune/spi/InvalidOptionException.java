package org.zeroprune.spi;

/** An option key is unknown, or its value has the wrong type or lies outside its range. */
public class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message names the strategy, the key, the value found and what was expected */
    public InvalidOptionException(String message) {
        super(message);
    }
}
