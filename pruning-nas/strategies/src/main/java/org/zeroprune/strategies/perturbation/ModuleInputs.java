package org.zeroprune.strategies.perturbation;

import java.util.Optional;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Which LayerNorm produces the input of each module of a post-LayerNorm BERT encoder: the
 * attention of layer 0 reads the embeddings' LayerNorm ({@code embeddings.LayerNorm.*}), the
 * attention of layer {@code l > 0} reads the LayerNorm closing the FFN of layer {@code l − 1}, and
 * the FFN of layer {@code l} reads the LayerNorm closing the attention of layer {@code l}. Where
 * the model does not show that LayerNorm, the input is taken as standard normal.
 */
final class ModuleInputs {
    static final String EMBEDDING_NORM_WEIGHT = "embeddings.LayerNorm.weight";
    static final String EMBEDDING_NORM_BIAS = "embeddings.LayerNorm.bias";

    private final GaussianInput[] attention;
    private final GaussianInput[] ffn;
    private final int assumedStandard;

    private ModuleInputs(GaussianInput[] attention, GaussianInput[] ffn, int assumedStandard) {
        this.attention = attention;
        this.ffn = ffn;
        this.assumedStandard = assumedStandard;
    }

    /** Reads the LayerNorm parameters of {@code model}. */
    static ModuleInputs of(ModelView model) {
        int layers = model.layerCount();
        int hidden = model.hiddenSize();
        GaussianInput[] attention = new GaussianInput[layers];
        GaussianInput[] ffn = new GaussianInput[layers];
        int standard = 0;
        Optional<GaussianInput> embeddings = embeddingNorm(model);
        for (int l = 0; l < layers; l++) {
            Optional<GaussianInput> before = l == 0 ? embeddings : closingNorm(model.layer(l - 1).ffn(), hidden);
            Optional<GaussianInput> middle = closingNorm(model.layer(l).attention(), hidden);
            standard += (before.isEmpty() ? 1 : 0) + (middle.isEmpty() ? 1 : 0);
            attention[l] = before.orElseGet(() -> GaussianInput.standard(hidden));
            ffn[l] = middle.orElseGet(() -> GaussianInput.standard(hidden));
        }
        return new ModuleInputs(attention, ffn, standard);
    }

    private static Optional<GaussianInput> embeddingNorm(ModelView model) {
        Optional<WeightView> gamma = model.extraWeight(EMBEDDING_NORM_WEIGHT);
        Optional<WeightView> beta = model.extraWeight(EMBEDDING_NORM_BIAS);
        if (gamma.isEmpty() || beta.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GaussianInput.ofLayerNorm(gamma.get(), beta.get(), model.hiddenSize()));
    }

    private static Optional<GaussianInput> closingNorm(ModuleView module, int hidden) {
        Optional<WeightView> gamma = module.weight(WeightRole.NORM_WEIGHT);
        Optional<WeightView> beta = module.weight(WeightRole.NORM_BIAS);
        if (gamma.isEmpty() || beta.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GaussianInput.ofLayerNorm(gamma.get(), beta.get(), hidden));
    }

    /** The input of layer {@code layer}'s attention. */
    GaussianInput attention(int layer) {
        return attention[layer];
    }

    /** The input of layer {@code layer}'s FFN. */
    GaussianInput ffn(int layer) {
        return ffn[layer];
    }

    /** How many module inputs had no LayerNorm to read and were taken as standard normal. */
    int assumedStandard() {
        return assumedStandard;
    }
}
