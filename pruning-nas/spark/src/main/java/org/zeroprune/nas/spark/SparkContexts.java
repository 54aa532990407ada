package org.zeroprune.nas.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.engine.EngineConfig;

/**
 * The Spark context of one run: the JVM's active one when there is one (a Spark application calling
 * the Java API, a notebook), left running afterwards; else a new one from the {@code engine.*}
 * settings, stopped when the run ends.
 *
 * @param spark the context
 * @param owned whether the run started it, and so stops it
 */
record SparkContexts(JavaSparkContext spark, boolean owned) {
    /** The master when neither {@code engine.master} nor spark-submit names one. */
    static final String DEFAULT_MASTER = "local[*]";

    /**
     * The active context, or a new one on {@code engine.master} (spark-submit's {@code --master} when that is
     * empty), named {@code engine.app-name}, with {@code engine.conf} set on it.
     *
     * @throws ConfigException if Spark refuses the master URL
     * @throws ZeroPruneException if the cluster cannot be reached or Spark cannot start
     */
    static SparkContexts start(EngineConfig config) {
        // Spark keeps the JVM's one active context; its accessor is package-private in Scala, public to Java
        scala.Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            return new SparkContexts(JavaSparkContext.fromSparkContext(active.get()), false);
        }
        SparkConf conf = new SparkConf().setAppName(config.appName())
                // a progress bar on stderr would interleave with zeroprune's own; the web UI is opt-in
                .set("spark.ui.showConsoleProgress", "false").set("spark.ui.enabled", "false");
        conf.setMaster(master(config));
        config.flatConf().forEach(conf::set);
        try {
            return new SparkContexts(new JavaSparkContext(conf), true);
        } catch (RuntimeException e) {
            String why = OneLine.of(e);
            if (why.contains("Master URL") || why.contains("master URL")) {
                throw new ConfigException("engine.master is '" + master(config) + "': Spark refused it (" + why
                        + "); expected local[N], local[N,RETRIES], spark://HOST:PORT, yarn or k8s://HOST:PORT");
            }
            throw new ZeroPruneException("the spark engine could not start on engine.master '" + master(config)
                    + "': " + why + " (is the cluster running and reachable from here? are the Java 17 flags of"
                    + " docs/spark.md given?)", e);
        }
    }

    /** {@code engine.master}, else spark-submit's ({@code spark.master}), else {@value #DEFAULT_MASTER}. */
    static String master(EngineConfig config) {
        return !config.master().isEmpty() ? config.master() : System.getProperty("spark.master", DEFAULT_MASTER);
    }

    /** Stops the context if the run started it. */
    void close() {
        if (owned) {
            spark.close();
        }
    }
}
