package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.testing.CliRun;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options several commands share are one mixin each: given on any command that has them, they
 * land in that mixin; and every command's {@code --help} still lists every option it listed before
 * the mixins, with the defaults filled in.
 */
class SharedOptionsTest {
    /** Each command with the arguments it needs to parse at all (its required ones). */
    private static final Map<String, List<String>> COMMANDS = Map.of(
            "prune", List.of(),
            "evaluate", List.of(),
            "export", List.of("--rank", "1", "--out", "exported"),
            "import-onnx", List.of("model.onnx", "--out", "imported"),
            "strategies", List.of(),
            "benchmark flexibert", List.of("--data", "BERT_benchmark.json"),
            "benchmark prune", List.of(),
            "benchmark onnx", List.of());

    /** The options each command's --help listed before they moved into mixins. */
    private static final Map<String, String> OPTIONS_BEFORE = Map.of(
            "prune", "--model --config --strategy --option --flops --params --latency --search --candidates --seed"
                    + " --corpus --unit-importance --reconstruct --sts --out --overwrite --export-rank --no-export"
                    + " --format --masks --plugins --threads --set --quiet",
            "evaluate", "--model --config --strategy --flops --params --candidates --labelled --seed --corpus --out"
                    + " --overwrite --plugins --set --sts --quiet",
            "export", "--ranking --rank --model --out --overwrite --format --reconstruct --corpus --seed",
            "import-onnx", "--tokenizer --heads --out --overwrite",
            "strategies", "--plugins --json",
            "models", "--filter --limit",
            "benchmark flexibert", "--data --search-space --seeds --first-seed --spectral-seeds --sample-size"
                    + " --strategies --out --scores --plugins --threads --sequence-length --quiet",
            "benchmark prune", "--rows --work --strategy --candidates --unit-selection --masks --plugins --out --quiet",
            "benchmark onnx", "--model --dense --shapes --threads --runs --out");

    /** The command object after parsing {@code command}'s required arguments and {@code extra}. */
    private static Object parse(String command, String... extra) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(COMMANDS.get(command));
        args.addAll(List.of(extra));
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().userObject();
    }

    /** The mixin of {@code type} in {@code command}, looked up through picocli's model (nested ones too). */
    private static <T> T mixin(Object command, Class<T> type) {
        T found = find(new CommandLine(command).getCommandSpec(), type);
        assertNotNull(found, command.getClass().getSimpleName() + " has no " + type.getSimpleName());
        return found;
    }

    private static <T> T find(CommandSpec spec, Class<T> type) {
        for (CommandSpec m : spec.mixins().values()) {
            if (type.isInstance(m.userObject())) {
                return type.cast(m.userObject());
            }
            T nested = find(m, type);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    @Test
    void pluginsParseOnEveryCommandThatHasThem() {
        for (String command : List.of("prune", "evaluate", "export", "strategies", "benchmark flexibert",
                "benchmark prune")) {
            PluginsOption plugins = mixin(parse(command, "--plugins", "a", "--plugins", "b"), PluginsOption.class);
            assertEquals(List.of("a", "b"), plugins.given(), command);
            assertEquals(List.of("c", "a", "b"), plugins.after(List.of("c")), command);
            assertEquals(List.of(), mixin(parse(command), PluginsOption.class).given(), command);
        }
    }

    @Test
    void quietParsesOnEveryCommandThatHasIt() {
        for (String command : List.of("prune", "evaluate", "benchmark flexibert", "benchmark prune")) {
            assertTrue(mixin(parse(command, "--quiet"), QuietOption.class).quiet, command);
            assertFalse(mixin(parse(command), QuietOption.class).quiet, command);
        }
    }

    @Test
    void overwriteParsesOnEveryCommandThatHasIt() {
        for (String command : List.of("prune", "evaluate", "export", "import-onnx")) {
            OverwriteOption given = mixin(parse(command, "--overwrite"), OverwriteOption.class);
            assertTrue(given.allowed(), command);
            assertEquals(Boolean.TRUE, given.ifGiven(), command);
            assertNull(mixin(parse(command), OverwriteOption.class).ifGiven(), command);
        }
    }

    @Test
    void outIsAResultFileOnTheBenchmarksAndACheckpointDirectoryOnExportAndImport() {
        for (String command : List.of("benchmark flexibert", "benchmark prune", "benchmark onnx")) {
            assertEquals(Path.of("r.json"), mixin(parse(command, "--out", "r.json"), ResultFileOption.class).out, command);
            assertTrue(mixin(parse(command), ResultFileOption.class).checked().isEmpty(), command);
        }
        for (String command : List.of("export", "import-onnx")) {
            CheckpointOutputOptions out = mixin(parse(command, "--overwrite"), CheckpointOutputOptions.class);
            assertEquals(Path.of(COMMANDS.get(command).get(COMMANDS.get(command).indexOf("--out") + 1)), out.out);
            assertTrue(out.overwrite(), command);
            CliRun missing = CliRun.of(command.equals("export") ? new String[] {"export", "--rank", "1"}
                    : new String[] {"import-onnx", "model.onnx"});
            assertEquals(2, missing.status(), command + ": --out is still required");
            assertTrue(missing.err().contains("Missing required option: '--out=DIR'"), missing.err());
        }
    }

    @Test
    void configurationOptionsParseOnPruneAndEvaluate() {
        for (String command : List.of("prune", "evaluate")) {
            Object parsed = parse(command, "--model", "m", "--config", "c.yaml", "--flops", "0.5", "--sts", "s.tsv",
                    "--set", "search.neuron-block=32", "--seed", "7");
            ConfigOptions config = mixin(parsed, ConfigOptions.class);
            assertEquals(Path.of("c.yaml"), config.file.configFile, command);
            assertEquals(Map.of("search.neuron-block", "32", "model", "m", "budget.flops", "0.5", "output.sts", "s.tsv",
                    "search.seed", "7"), mixin(parsed, SeedOption.class).addTo(config.overrides()).values(), command);
            // nothing given, nothing overridden: the configuration's defaults and --config decide
            Object bare = parse(command);
            assertEquals(Map.of(), mixin(bare, SeedOption.class).addTo(mixin(bare, ConfigOptions.class).overrides())
                    .values(), command);
        }
        Object exported = parse("export", "--seed", "3", "--config", "c.yaml", "--set", "reconstruct.steps=5",
                "--plugins", "p");
        ConfigFileOptions file = mixin(exported, ConfigFileOptions.class);
        assertEquals(Path.of("c.yaml"), file.configFile);
        assertEquals(Map.of("reconstruct.steps", "5", "search.seed", "3"), mixin(exported, SeedOption.class)
                .addTo(file.overrides()).values());
        assertEquals(List.of("p"), mixin(exported, PluginsOption.class).given());
    }

    @Test
    void corpusReconstructAndFormatParseOnPruneAndExport() {
        for (String command : List.of("prune", "export")) {
            Object parsed = parse(command, "--corpus", "builtin", "--reconstruct", "none", "--format", "onnx");
            Overrides o = mixin(parsed, ExportOptions.class).addTo(mixin(parsed, CorpusOption.class)
                    .addTo(new Overrides(Map.of())));
            assertEquals(Map.of("scoring.corpus", "builtin", "reconstruct.level", "none", "output.format", "onnx"),
                    o.values(), command);
        }
    }

    @Test
    void evaluateStrategiesAreOneOptionWithTheSharedSyntax() {
        EvaluateCommand given = (EvaluateCommand) parse("evaluate", "--strategy", "zerolm:alpha-selection=fixed,alpha=0.3;params",
                "--strategy", "magnitude");
        assertEquals(List.of("zerolm:alpha-selection=fixed,alpha=0.3;params", "magnitude"), given.strategies);
        EvaluateCommand bare = (EvaluateCommand) parse("evaluate");
        assertEquals(List.of("synthetic-fidelity,perturbation,zerolm,params,magnitude,fisher,random"), bare.strategies);
        assertEquals(80, bare.candidates);
        assertEquals(Path.of("evaluation"), bare.out);
    }

    @Test
    void everyHelpListsEveryOptionItListedBeforeWithItsDefaultsFilledIn() {
        for (Map.Entry<String, String> e : OPTIONS_BEFORE.entrySet()) {
            List<String> args = new ArrayList<>(Arrays.asList(e.getKey().split(" ")));
            args.add("--help");
            CliRun help = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, help.status(), e.getKey());
            List<String> listed = help.out().lines().map(String::strip).filter(l -> l.startsWith("-"))
                    .map(l -> l.replaceFirst("^-\\w, ", "").split("[=\\s]")[0]).toList();
            for (String option : e.getValue().split(" ")) {
                assertTrue(listed.contains(option), e.getKey() + " --help lost " + option + ":\n" + help.out());
            }
            assertFalse(help.out().contains("${"), help.out());
            assertFalse(help.out().contains("null"), help.out());
        }
    }

    @Test
    void helpShowsTheConfigurationsDefaults() {
        String prune = CliRun.of("prune", "--help").out().replaceAll("\\s+", " ");
        for (String shown : List.of("(default: embedded)", "(default: 0.6)", "(default: 600)", "(default: 42)",
                "(default: none)", "(default: both)", "(default: out)", "default: synthetic-fidelity)")) {
            assertTrue(prune.contains(shown), shown + " missing from\n" + prune);
        }
    }
}
