package org.zeroprune.nas.cli;

import java.io.PrintWriter;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.ScoringException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code zeroprune} command line. */
@Command(name = "zeroprune", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Prunes pretrained BERT encoders without training and without data: enumerates head and"
                + " neuron masks under a budget, ranks them with a plugin scoring strategy, and writes the winner as a"
                + " smaller checkpoint.",
        subcommands = {PruneCommand.class, ExportCommand.class, EvaluateCommand.class, StrategiesCommand.class, ImportOnnxCommand.class,
                ModelsCommand.class, BenchmarkCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    /** Runs the command line and exits with its status: 0 success, 1 error, 2 usage error. */
    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setResourceBundle(new ConfigDefaults()); // after the subcommands: they take it too
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd, parsed.matchedOption("--verbose") != null
                || isVerbose(parsed)));
        return cli.execute(args);
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static int report(Exception e, CommandLine cmd, boolean verbose) {
        PrintWriter err = cmd.getErr();
        boolean expected = e instanceof ZeroPruneException || e instanceof InvalidOptionException
                || e instanceof ScoringException;
        err.println((expected ? "error: " : "internal error: ") + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (verbose) {
            e.printStackTrace(err);
        } else if (!expected) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return 1;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"zeroprune " + (v == null ? "(development build)" : v)};
        }
    }
}
