package org.zeroprune.nas.cost;

/** A cost that is a sum over layers of an attention part and an FFN part, each a function of the kept count. */
public interface LayerCosts {

    /** Number of layers. */
    int layers();

    /** Cost of layer {@code layer}'s attention with {@code heads} heads kept. */
    double attention(int layer, int heads);

    /** Cost of layer {@code layer}'s FFN with {@code neurons} neurons kept. */
    double ffn(int layer, int neurons);

    /** What the cost counts, for messages ({@code MACs}, {@code parameters}, {@code seconds}). */
    String unit();

    /** MACs per token from a {@link ViewCostModel}. */
    static LayerCosts macs(ViewCostModel model) {
        return new ModelLayerCosts(model, ModuleCost::macs, "MACs per token");
    }

    /** Parameters from a {@link ViewCostModel}. */
    static LayerCosts params(ViewCostModel model) {
        return new ModelLayerCosts(model, ModuleCost::params, "parameters");
    }

    /** One count of a {@link ViewCostModel}'s module costs. */
    record ModelLayerCosts(ViewCostModel model, java.util.function.ToLongBiFunction<ModuleCost, Integer> count,
            String unit) implements LayerCosts {
        @Override
        public int layers() {
            return model.layers();
        }

        @Override
        public double attention(int layer, int heads) {
            return count.applyAsLong(model.attention(layer), heads);
        }

        @Override
        public double ffn(int layer, int neurons) {
            return count.applyAsLong(model.ffn(layer), neurons);
        }
    }
}
