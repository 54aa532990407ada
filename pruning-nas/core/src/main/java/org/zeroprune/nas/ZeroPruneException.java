package org.zeroprune.nas;

/**
 * A failure a user can act on: bad input, a bad configuration, a missing plugin. The command line
 * prints its message without a stack trace; the message names the file, the key or the tensor,
 * what was found and what was expected.
 */
public class ZeroPruneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what was expected */
    public ZeroPruneException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what was expected
     * @param cause the underlying failure, shown with {@code --verbose}
     */
    public ZeroPruneException(String message, Throwable cause) {
        super(message, cause);
    }
}
