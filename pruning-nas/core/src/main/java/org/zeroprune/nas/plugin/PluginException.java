package org.zeroprune.nas.plugin;

import org.zeroprune.nas.ZeroPruneException;

/** A plugin cannot be found, loaded or used; the message names the strategy and where it came from. */
public class PluginException extends ZeroPruneException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the strategy and its source */
    public PluginException(String message) {
        super(message);
    }

    /** With the underlying failure. */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
