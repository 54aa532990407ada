package org.zeroprune.nas.benchmark.flexibert;

import org.zeroprune.nas.ZeroPruneException;

/** A benchmark or search-space file is missing or malformed; the message names the file, record and field. */
public class BenchmarkDataException extends ZeroPruneException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file, the record and the field */
    public BenchmarkDataException(String message) {
        super(message);
    }

    /** With the underlying failure. */
    public BenchmarkDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
