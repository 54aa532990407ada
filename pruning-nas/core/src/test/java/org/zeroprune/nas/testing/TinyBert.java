package org.zeroprune.nas.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.checkpoint.SafetensorsWriter;
import org.zeroprune.nas.checkpoint.Tensor;

/** Writes small random BERT checkpoints for tests. */
public final class TinyBert {
    public int hidden = 16;
    public int heads = 4;
    public int layers = 2;
    public int intermediate = 24;
    public int vocab = 50;
    public int positions = 32;
    public DType dtype = DType.F32;
    public boolean bertPrefix = false;
    public boolean extras = true;
    public long seed = 1;
    /** Factors applied to tensors whose canonical name starts with the key (e.g. {@code 1e30f} to overflow a layer). */
    public Map<String, Float> scale = new LinkedHashMap<>();

    /** The tensors by canonical name, as floats (before any F16/BF16 rounding). */
    public Map<String, float[]> values = new LinkedHashMap<>();
    public Map<String, int[]> shapes = new LinkedHashMap<>();

    /** The config.json object. */
    public ObjectNode config() {
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("model_type", "bert");
        c.put("hidden_size", hidden);
        c.put("num_attention_heads", heads);
        c.put("num_hidden_layers", layers);
        c.put("intermediate_size", intermediate);
        c.put("vocab_size", vocab);
        c.put("max_position_embeddings", positions);
        c.put("type_vocab_size", 2);
        c.put("layer_norm_eps", 1e-12);
        c.put("hidden_act", "gelu");
        return c;
    }

    /** Writes config.json and model.safetensors into {@code dir} (created). */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), new ObjectMapper().writeValueAsString(config()));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors(), Map.of("format", "pt"));
        return dir;
    }

    /** The tensors as they will be stored (prefixed names, requested dtype). */
    public List<Tensor> tensors() {
        SplittableRandom random = new SplittableRandom(seed);
        values.clear();
        shapes.clear();
        add(random, BertNames.WORD_EMBEDDINGS, vocab, hidden);
        add(random, BertNames.POSITION_EMBEDDINGS, positions, hidden);
        add(random, BertNames.TOKEN_TYPE_EMBEDDINGS, 2, hidden);
        add(random, BertNames.EMBEDDINGS_NORM_WEIGHT, hidden);
        add(random, BertNames.EMBEDDINGS_NORM_BIAS, hidden);
        for (int l = 0; l < layers; l++) {
            for (String kind : List.of("weight", "bias")) {
                boolean w = kind.equals("weight");
                add(random, BertNames.query(l, kind), w ? new int[] {hidden, hidden} : new int[] {hidden});
                add(random, BertNames.key(l, kind), w ? new int[] {hidden, hidden} : new int[] {hidden});
                add(random, BertNames.value(l, kind), w ? new int[] {hidden, hidden} : new int[] {hidden});
                add(random, BertNames.attentionOutput(l, kind), w ? new int[] {hidden, hidden} : new int[] {hidden});
                add(random, BertNames.attentionNorm(l, kind), hidden);
                add(random, BertNames.intermediate(l, kind), w ? new int[] {intermediate, hidden} : new int[] {intermediate});
                add(random, BertNames.output(l, kind), w ? new int[] {hidden, intermediate} : new int[] {hidden});
                add(random, BertNames.outputNorm(l, kind), hidden);
            }
        }
        if (extras) {
            add(random, "pooler.dense.weight", hidden, hidden);
            add(random, "pooler.dense.bias", hidden);
        }
        List<Tensor> out = new ArrayList<>();
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            String name = bertPrefix && !e.getKey().startsWith("classifier") ? BertNames.BERT_PREFIX + e.getKey() : e.getKey();
            out.add(Tensor.ofFloats(name, dtype, shapes.get(e.getKey()), FloatBuffer.wrap(e.getValue())));
        }
        if (extras) {
            ByteBuffer ids = ByteBuffer.allocate(8 * positions).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < positions; i++) {
                ids.putLong(i);
            }
            out.add(Tensor.ofRaw((bertPrefix ? BertNames.BERT_PREFIX : "") + "embeddings.position_ids", DType.I64,
                    new int[] {1, positions}, ids.flip()));
            float[] classifier = new float[2 * hidden];
            for (int i = 0; i < classifier.length; i++) {
                classifier[i] = (float) random.nextGaussian();
            }
            values.put("classifier.weight", classifier);
            shapes.put("classifier.weight", new int[] {2, hidden});
            out.add(Tensor.ofFloats("classifier.weight", dtype, new int[] {2, hidden}, FloatBuffer.wrap(classifier)));
        }
        return out;
    }

    private void add(SplittableRandom random, String name, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        boolean norm = name.contains("LayerNorm.weight");
        for (int i = 0; i < n; i++) {
            v[i] = norm ? 1f + 0.1f * (float) random.nextGaussian() : 0.05f * (float) random.nextGaussian();
        }
        for (Map.Entry<String, Float> factor : scale.entrySet()) {
            if (name.startsWith(factor.getKey())) {
                for (int i = 0; i < n; i++) {
                    v[i] *= factor.getValue();
                }
            }
        }
        values.put(name, v);
        shapes.put(name, shape);
    }
}
