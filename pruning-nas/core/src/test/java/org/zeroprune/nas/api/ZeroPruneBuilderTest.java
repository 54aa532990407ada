package org.zeroprune.nas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.testing.PluginJarBuilder;

/** The typed builder of the Java API, end to end on the embedded model with a real plugin jar, and its wording. */
class ZeroPruneBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theTypedBuilderPrunesWithAPluginJarAndEverySettingReachesTheRun() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJarBuilder.build(Map.of("apitest.Kept", PluginJarBuilder.provider("apitest", "Kept", "api-kept",
                "return (m, c) -> mask -> mask.keptHeads() + mask.keptNeurons() / 1000.0;", "")),
                plugins.resolve("api-plugin.jar"));
        Path sts = Files.writeString(dir.resolve("sts.tsv"), String.join("\n",
                "news\tt\t2024\t1\t5.0\tA man is playing a guitar.\tA man plays the guitar.",
                "news\tt\t2024\t2\t0.5\tA woman is slicing an onion.\tThe stock market fell sharply.",
                "news\tt\t2024\t3\t3.0\tThe council approved the budget.\tThe budget was passed by the council.",
                "forum\tt\t2024\t4\t4.2\tI think the movie was great.\tThe film was really good, in my view."));
        Path out = dir.resolve("pruned");
        ZeroPrune.ConfigBuilder builder = ZeroPrune.config().model("embedded").flops(0.5).params(0.7)
                .strategy("api-kept").plugins(plugins).search("random").candidates(12).seed(3)
                .reconstruct(ReconstructionLevel.NONE).format(ExportFormat.SAFETENSORS).sts(sts)
                .measureLatency(false).output(out);
        PruneConfig config = builder.build();
        assertEquals(BudgetKind.PARAMS, config.budgetKind(), "the later budget replaces the earlier kind");
        assertEquals(List.of(plugins.toString()), config.plugins());

        PruneResult result = ZeroPrune.prune(config);
        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        assertEquals(12, ranking.get("candidates").size());
        assertTrue(result.best().params() <= 0.7 * ranking.at("/dense/params").asLong(), ranking.at("/dense").toString());
        Path model = result.exportedModel().orElseThrow();
        assertTrue(Files.exists(model.resolve("model.safetensors")));
        assertFalse(Files.exists(model.resolve("model.onnx")), "format SAFETENSORS writes no ONNX file");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(4, summary.at("/sts/pairs").asInt(), summary.toString());
        assertEquals("none", summary.at("/reconstruction/level").asText(), summary.toString());

        // a second run into the same output: refused in the Java API's words, then allowed by overwrite(true)
        ZeroPruneException refused = assertThrows(ZeroPruneException.class, () -> ZeroPrune.prune(builder.build()));
        assertTrue(refused.getMessage().contains("call overwrite(true) to replace it, or choose another output(...)"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("--"), refused.getMessage());
        ZeroPrune.prune(builder.overwrite(true).build());
        assertTrue(Files.exists(out.resolve("ranking.json")));
    }

    @Test
    void messagesNameTheJavaApiForBuilderSettingsAndTheCommandLineForItsOverrides() {
        ConfigException java = assertThrows(ConfigException.class, () -> ZeroPrune.config().flops(1.5).build());
        assertEquals("Java API: key 'budget.flops' is '1.5'; expected a ratio in (0, 1] of the dense model",
                java.getMessage());
        ConfigException cli = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("budget.flops", "1.5")));
        assertTrue(cli.getMessage().startsWith("command line: key 'budget.flops' is '1.5'"), cli.getMessage());

        ConfigException twoJava = assertThrows(ConfigException.class, () -> ZeroPrune.config()
                .set("budget.flops", "0.5").set("budget.params", "0.5").build());
        assertTrue(twoJava.getMessage().startsWith("the Java API sets 2 budgets"), twoJava.getMessage());
        assertTrue(twoJava.getMessage().contains("flops(ratio), params(ratio), latency(ratio)"), twoJava.getMessage());
        ConfigException twoCli = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("budget.flops", "0.5", "budget.params", "0.5")));
        assertTrue(twoCli.getMessage().contains("--flops, --params, --latency"), twoCli.getMessage());
    }

    @Test
    void pluginFoldersOfAConfigurationFileResolveAgainstTheFileAndTheBuildersAgainstTheWorkingDirectory()
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("project"));
        Path file = Files.writeString(folder.resolve("zeroprune.yaml"), "plugins: [my-plugins, /opt/zp-plugins]\n");
        PruneConfig config = ZeroPrune.config().file(file).plugins(Path.of("extra")).build();
        assertEquals(List.of(folder.resolve("my-plugins").toString(), "/opt/zp-plugins", "extra"), config.plugins());
        // an override of the key replaces the file's list, as given
        PruneConfig overridden = ConfigLoader.load(Optional.of(file), Map.of("plugins", "[here]"));
        assertEquals(List.of("here"), overridden.plugins());
    }
}
