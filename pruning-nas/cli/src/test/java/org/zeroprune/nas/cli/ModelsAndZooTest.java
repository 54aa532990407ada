package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;

class ModelsAndZooTest {
    @Test
    void listsBertFamilyEntriesOfTheZooOffline() {
        CliRun r = CliRun.of("models", "--limit", "0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("djl://ai.djl.huggingface.pytorch/bert-base-uncased"), r.out());
        assertTrue(r.out().contains("djl://ai.djl.huggingface.pytorch/sentence-transformers/all-MiniLM-L6-v2"), r.out());
        assertTrue(!r.out().contains("roberta-base"), "not BERT layout");
        assertTrue(!r.out().contains("BAAI/bge-m3"), "XLM-R layout despite its name");
    }

    @Test
    void aZooModelThatIsNeitherCachedNorReachableFailsFastSuggestingALocalPath(@TempDir Path dir) {
        long start = System.nanoTime();
        CliRun r = CliRun.of("prune", "--model", "djl://ai.djl.huggingface.pytorch/bert-base-uncased",
                "--strategy", "test-params", "--out", dir.resolve("out").toString(), "--quiet");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.status() == 0) {
            return; // this machine reaches the zoo; nothing to check here
        }
        assertTrue(r.err().contains("cannot be reached from this machine") || r.err().contains("DJL could not load it"),
                r.err());
        assertTrue(r.err().contains("--model DIR") || r.err().contains("DJL could not load it"), r.err());
        assertTrue(seconds < 60, "took " + seconds + " s");
        CliRun unknown = CliRun.of("prune", "--model", "djl://ai.djl.huggingface.pytorch/roberta-base",
                "--strategy", "test-params", "--out", dir.resolve("o2").toString(), "--quiet");
        assertTrue(unknown.err().contains("is not a BERT-family entry of DJL's zoo"), unknown.err());
    }
}
