package org.zeroprune.spi.model;

/** One encoder layer: an attention module followed by an FFN module. */
public interface LayerView {

    /** {@return position of the layer in the encoder, from 0} */
    int index();

    /** {@return the token-mixing module; its units are heads} */
    ModuleView attention();

    /** {@return the feed-forward module; its units are intermediate neurons} */
    ModuleView ffn();

    /**
     * {@return the module of the given kind}
     *
     * @param kind attention or FFN
     */
    default ModuleView module(ModuleKind kind) {
        return kind == ModuleKind.ATTENTION ? attention() : ffn();
    }
}
