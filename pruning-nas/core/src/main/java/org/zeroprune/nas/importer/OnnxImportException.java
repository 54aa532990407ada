package org.zeroprune.nas.importer;

import org.zeroprune.nas.ZeroPruneException;

/** An ONNX file cannot be imported: unreadable, or not a BERT encoder zeroprune understands. */
public class OnnxImportException extends ZeroPruneException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file, the node or initializer, what was found and what was expected */
    public OnnxImportException(String message) {
        super(message);
    }

    /** With the underlying failure. */
    public OnnxImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
