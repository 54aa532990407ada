package org.zeroprune.nas;

/**
 * Who is driving the framework, so that a message names what that caller wrote: the command line's
 * options ({@code --overwrite}, {@code --out}) or the Java API's builder methods
 * ({@code overwrite(true)}, {@code output(...)}). The framework's checks are the same for both; only
 * their wording differs.
 */
public enum Caller {
    /** The {@code zeroprune} command. */
    COMMAND_LINE("command line", "--out", "--overwrite", "pass --overwrite",
            "run the launcher with ZEROPRUNE_ENGINE=spark (./zeroprune builds pruning-nas/spark and adds it), or put"
                    + " pruning-nas/spark/target/zeroprune-spark.jar and pruning-nas/spark/target/lib/* on the class path"),
    /** A program using {@code org.zeroprune.nas.api.ZeroPrune}. */
    JAVA_API("Java API", "output(...)", "overwrite(true)", "call overwrite(true)",
            "add the artifact org.zeroprune:zeroprune-spark (and Spark's jars) to the program's class path");

    private final String settings;
    private final String output;
    private final String overwrite;
    private final String overwriteHint;
    private final String sparkHint;

    Caller(String settings, String output, String overwrite, String overwriteHint, String sparkHint) {
        this.settings = settings;
        this.output = output;
        this.overwrite = overwrite;
        this.overwriteHint = overwriteHint;
        this.sparkHint = sparkHint;
    }

    /** {@return how configuration messages name the settings this caller gave, e.g. {@code command line}} */
    public String settings() {
        return settings;
    }

    /** {@return how this caller names the output directory: {@code --out} or {@code output(...)}} */
    public String output() {
        return output;
    }

    /**
     * {@return how this caller names the output directory {@code directory}}
     *
     * @param directory the directory as given
     */
    public String output(Object directory) {
        return this == COMMAND_LINE ? "--out " + directory : "output(\"" + directory + "\")";
    }

    /** {@return how this caller names the permission to replace an output: {@code --overwrite} or {@code overwrite(true)}} */
    public String overwrite() {
        return overwrite;
    }

    /** {@return what this caller does to replace an output, e.g. {@code pass --overwrite}} */
    public String overwriteHint() {
        return overwriteHint;
    }

    /** {@return what this caller does to put the spark engine on the class path} */
    public String sparkHint() {
        return sparkHint;
    }
}
