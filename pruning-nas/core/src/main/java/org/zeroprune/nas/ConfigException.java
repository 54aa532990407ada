package org.zeroprune.nas;

/** A configuration key is unknown, has the wrong type, or a value is out of range. */
public class ConfigException extends ZeroPruneException {
    private static final long serialVersionUID = 1L;

    /** @param message names the source, the key, the value found and what was expected */
    public ConfigException(String message) {
        super(message);
    }
}
