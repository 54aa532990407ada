package org.zeroprune.spi.model;

/** One encoder layer: an attention module followed by an FFN module. */
public interface LayerView {

    /** Position of the layer in the encoder, from 0. */
    int index();

    /** The token-mixing module; its units are heads. */
    ModuleView attention();

    /** The feed-forward module; its units are intermediate neurons. */
    ModuleView ffn();

    /** The module of the given kind. */
    default ModuleView module(ModuleKind kind) {
        return kind == ModuleKind.ATTENTION ? attention() : ffn();
    }
}
