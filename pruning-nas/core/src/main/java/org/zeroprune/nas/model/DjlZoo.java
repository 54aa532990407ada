package org.zeroprune.nas.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.SafetensorsWriter;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.importer.EmbeddedModel;

/**
 * Models from DJL's HuggingFace model zoo, named {@code djl://ai.djl.huggingface.pytorch/<model id>}.
 *
 * <p>The zoo's metadata ships inside DJL's tokenizers jar, so {@link #bertFamily()} lists the
 * entries offline. Resolving a model first asks DJL for its local cache; only when the model is not
 * cached does it go to the network, after a short reachability check, so that a machine without
 * internet fails in seconds with a message that suggests a local checkpoint instead.
 */
public final class DjlZoo {
    /** URL scheme of zoo models. */
    public static final String SCHEME = "djl://";
    /** The zoo group whose metadata DJL ships. */
    public static final String GROUP = "ai.djl.huggingface.pytorch";
    private static final String REPOSITORY = "https://mlrepo.djl.ai/";
    private static final List<String> APPLICATIONS = List.of("fill_mask", "question_answer", "text_classification",
            "text_embedding", "token_classification", "zero_shot_classification");
    private static final Pattern BERT = Pattern.compile("bert|minilm|bge-|e5-|gte-", Pattern.CASE_INSENSITIVE);
    // the metadata names no architecture: these names are known to be other encoders (RoBERTa, XLM-R,
    // DistilBERT, LUKE...) despite "bert", "minilm" or "e5-" in them
    private static final Pattern NOT_BERT = Pattern.compile("roberta|deberta|camembert|modernbert|albert|distilbert"
            + "|flaubert|mobilebert|xlm|bge-m3|reranker-v2-m3|multilingual-e5|e5-base-multilingual|e5-multi|robbert"
            + "|phobert|codebert|umberto|mminilm|luke|kartonberta|bertino", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DjlZoo() {
    }

    /**
     * One zoo entry.
     *
     * @param application DJL application, e.g. {@code nlp/text_embedding}
     * @param id HuggingFace model id
     * @param bytes download size
     * @param downloads HuggingFace download count recorded in the metadata
     */
    public record Entry(String application, String id, long bytes, long downloads) {
        /** The URL to pass as {@code --model}. */
        public String url() {
            return SCHEME + GROUP + "/" + id;
        }
    }

    /**
     * The zoo entries whose names mark them as BERT-architecture models, most downloaded first. The
     * metadata records no architecture, so this goes by name; the downloaded {@code config.json}
     * has the last word.
     */
    public static List<Entry> bertFamily() {
        List<Entry> entries = new ArrayList<>();
        for (String app : APPLICATIONS) {
            String resource = "nlp/" + app + "/" + GROUP + ".json";
            try (InputStream in = DjlZoo.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                JsonNode models = JSON.readTree(in);
                models.fields().forEachRemaining(e -> {
                    String id = e.getKey();
                    if (BERT.matcher(id).find() && !NOT_BERT.matcher(id).find()) {
                        entries.add(new Entry("nlp/" + app, id, e.getValue().path("size").asLong(),
                                e.getValue().path("downloads").asLong()));
                    }
                });
            } catch (IOException e) {
                throw new ZeroPruneException("cannot read DJL's zoo metadata " + resource + ": " + e.getMessage(), e);
            }
        }
        entries.sort(Comparator.comparingLong(Entry::downloads).reversed().thenComparing(Entry::id));
        return entries;
    }

    /**
     * Resolves a {@code djl://} URL to a checkpoint, converting DJL's artifact into a checkpoint
     * directory in zeroprune's cache.
     *
     * @throws ZeroPruneException when the model is unknown, or not cached and the zoo cannot be reached
     */
    public static BertCheckpoint resolve(String url) {
        String rest = url.substring(SCHEME.length());
        if (!rest.startsWith(GROUP + "/")) {
            throw new ZeroPruneException("model " + url + ": only " + SCHEME + GROUP + "/<model id> is supported;"
                    + " see 'zeroprune models'");
        }
        String id = rest.substring(GROUP.length() + 1);
        if (bertFamily().stream().noneMatch(e -> e.id().equals(id))) {
            throw new ZeroPruneException("model " + url + " is not a BERT-family entry of DJL's zoo; 'zeroprune models'"
                    + " lists those that are");
        }
        Path converted = EmbeddedModel.cacheRoot().resolve("djl").resolve(id.replace('/', '_'));
        if (Files.isRegularFile(converted.resolve(BertCheckpoint.WEIGHTS))) {
            return BertCheckpoint.read(converted);
        }
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class).optModelUrls(url)
                .optEngine("PyTorch").build();
        try (ZooModel<NDList, NDList> model = loadCachedOrDownload(criteria, url)) {
            return convert(model, converted);
        }
    }

    private static ZooModel<NDList, NDList> loadCachedOrDownload(Criteria<NDList, NDList> criteria, String url) {
        try {
            return criteria.loadModel();
        } catch (Exception cached) {
            String reason = unreachable();
            if (reason != null) {
                throw new ZeroPruneException("model " + url + " is not in DJL's cache and DJL's model zoo (" + REPOSITORY
                        + ") cannot be reached from this machine (" + reason + "); download the checkpoint elsewhere"
                        + " (a directory with config.json and model.safetensors) and pass it with --model DIR");
            }
            String offline = System.getProperty("ai.djl.offline");
            try {
                System.setProperty("ai.djl.offline", "false");
                return criteria.loadModel();
            } catch (Exception e) {
                throw new ZeroPruneException("model " + url + ": DJL could not load it: " + e.getMessage(), e);
            } finally {
                if (offline == null) {
                    System.clearProperty("ai.djl.offline");
                } else {
                    System.setProperty("ai.djl.offline", offline);
                }
            }
        }
    }

    /** Null when the zoo answers within a few seconds, else why not. */
    private static String unreachable() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(REPOSITORY).openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(3000);
            connection.setRequestMethod("HEAD");
            connection.getResponseCode();
            connection.disconnect();
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /** Writes the zoo model's parameters, with HF names, and its config.json as a checkpoint directory. */
    private static BertCheckpoint convert(Model model, Path directory) {
        Path source = model.getModelPath();
        Path config = source.resolve(BertCheckpoint.CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new ZeroPruneException("model " + model.getName() + " (" + source + ") has no config.json, so its"
                    + " number of heads is unknown; pass a HF checkpoint directory instead");
        }
        List<Tensor> tensors = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray array = p.getValue().getArray();
            int[] shape = java.util.Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            String name = p.getKey().replaceFirst("^(model|module|bert)\\.", "");
            tensors.add(Tensor.ofFloats(name, shape, array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray()));
        }
        AtomicFiles.writeDirectory(directory, dir -> {
            SafetensorsWriter.write(dir.resolve(BertCheckpoint.WEIGHTS), tensors, Map.of("format", "pt"));
            Files.copy(config, dir.resolve(BertCheckpoint.CONFIG));
            Path tokenizer = source.resolve(BertCheckpoint.TOKENIZER);
            if (Files.isRegularFile(tokenizer)) {
                Files.copy(tokenizer, dir.resolve(BertCheckpoint.TOKENIZER));
            }
        });
        return BertCheckpoint.read(directory);
    }
}
