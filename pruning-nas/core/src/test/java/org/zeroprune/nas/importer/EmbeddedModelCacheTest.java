package org.zeroprune.nas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.testing.PrivateCache;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/**
 * The embedded model's cached import belongs to the resources it was made from: another carrier jar
 * (another model version) on the class path gets its own import, never the one made from the other.
 */
class EmbeddedModelCacheTest {
    @TempDir
    Path dir;
    @RegisterExtension
    PrivateCache cache = new PrivateCache();

    @Test
    void anotherCarrierJarGetsItsOwnImport() throws Exception {
        Path otherJar = carrierJarOfA2LayerModel();
        Path otherDir;
        // the resources alone come from the other jar: the native tokenizer library loads once per JVM
        try (URLClassLoader loader = new URLClassLoader(new URL[] {otherJar.toUri().toURL()}, null)) {
            otherDir = EmbeddedModel.checkpointDirectory(loader);
        }
        assertEquals(2, BertCheckpoint.read(otherDir).config().layers());

        Path realDir = EmbeddedModel.checkpointDirectory();
        assertNotEquals(otherDir, realDir);
        assertEquals(6, BertCheckpoint.read(realDir).config().layers(), "the import of the other jar's model was reused");
    }

    /** A jar holding the embedded model's resource names with a small random BERT (12 heads) in them. */
    private Path carrierJarOfA2LayerModel() throws Exception {
        TinyBert bert = new TinyBert();
        bert.hidden = 24;
        bert.heads = 12;
        Path onnx = OnnxExport.write(BertCheckpoint.read(bert.write(dir.resolve("bert"))),
                Files.createDirectories(dir.resolve("onnx")));
        Path tokenizer = TokenizedTinyBert.writeTokenizer(dir.resolve("tokenizer.json"));
        Path jar = dir.resolve("other-carrier.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("all-minilm-l6-v2.onnx"));
            Files.copy(onnx, out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("all-minilm-l6-v2-tokenizer.json"));
            Files.copy(tokenizer, out);
            out.closeEntry();
        }
        return jar;
    }
}
