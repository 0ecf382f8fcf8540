package dev.zkjvm.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * How a {@link SparkSegmentRunner} reaches Spark: the master URL, how many executors (task slots in
 * local mode) to ask for, how many attempts a task gets, and any further {@code spark.*} settings.
 *
 * <p>Spark's own {@code -Dspark.*} system properties are read too (a {@link SparkConf} loads them),
 * so a cluster's memory or class path settings can be given on the {@code java} command line; the
 * settings made here win over them. On a cluster, when running from the launcher jar, its zkjvm
 * jars are added to {@code spark.jars}, so the executors get them (Spark itself must be installed
 * there; jars of your own go in {@code spark.jars} too, not {@code spark.executor.extraClassPath},
 * whose classes cannot see the shipped ones).
 *
 * @param master {@code null} for Spark's embedded local mode, else a master URL: {@code local},
 *     {@code local[N]}, {@code local[*]}, {@code local[N,F]}, {@code spark://host:7077}, ..., or
 *     {@code local-cluster[workers,cores,MiB]} for executor JVMs on this machine (which needs
 *     {@code SPARK_HOME}: see {@link SparkSegmentRunner})
 * @param executors executors to use, {@code 0} for the engine's default: in local mode the number
 *     of task threads (default: this machine's processors), on a standalone cluster the number of
 *     one-core executors ({@code spark.cores.max}), on YARN or Kubernetes {@code spark.executor.instances}
 * @param taskAttempts attempts a task gets before its item fails for good, at least 1
 * @param properties further Spark settings, applied last
 */
public record SparkRunnerConfig(String master, int executors, int taskAttempts, Map<String, String> properties) {
    /** Two attempts: a task that failed by accident runs once more; a broken item fails fast. */
    public static final int DEFAULT_TASK_ATTEMPTS = 2;

    /** The application name every zkjvm job runs under. */
    public static final String APP_NAME = "zkjvm";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,(\\d+))?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*(\\d+)\\s*]");

    public SparkRunnerConfig {
        if (master != null && master.isBlank()) {
            master = null;
        }
        if (executors < 0) {
            throw new IllegalArgumentException("executors must be 0 (engine default) or more, not " + executors);
        }
        if (taskAttempts < 1) {
            throw new IllegalArgumentException("taskAttempts must be at least 1, not " + taskAttempts);
        }
        properties = Map.copyOf(properties);
    }

    /** Spark's embedded local mode, one task thread per processor. */
    public static SparkRunnerConfig defaults() {
        return new SparkRunnerConfig(null, 0, DEFAULT_TASK_ATTEMPTS, Map.of());
    }

    /** The given master URL ({@code null}: local mode) with the default executors and attempts. */
    public static SparkRunnerConfig forMaster(String master) {
        return new SparkRunnerConfig(master, 0, DEFAULT_TASK_ATTEMPTS, Map.of());
    }

    /** This configuration with {@code executors} executors (0: the engine's default). */
    public SparkRunnerConfig withExecutors(int executors) {
        return new SparkRunnerConfig(master, executors, taskAttempts, properties);
    }

    /** This configuration with {@code taskAttempts} attempts per task. */
    public SparkRunnerConfig withTaskAttempts(int taskAttempts) {
        return new SparkRunnerConfig(master, executors, taskAttempts, properties);
    }

    /** This configuration with one more Spark setting. */
    public SparkRunnerConfig withProperty(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new SparkRunnerConfig(master, executors, taskAttempts, more);
    }

    /** Whether tasks run inside this JVM (Spark's {@code local} modes). */
    public boolean isLocal() {
        return master == null || LOCAL.matcher(master).matches();
    }

    /**
     * Whether this is Spark's {@code local-cluster[workers,cores,MiB]}: a master and workers inside
     * this JVM, each executor a JVM of its own on this machine (two executors for real).
     */
    public boolean isLocalCluster() {
        return master != null && LOCAL_CLUSTER.matcher(master).matches();
    }

    /**
     * The master URL handed to Spark. Local mode takes its attempts from the URL
     * ({@code local[N,F]}) and ignores {@code spark.task.maxFailures}, so a plain {@code local} or
     * {@code local[N]} is completed with this configuration's attempts.
     *
     * @throws IllegalArgumentException if a local URL names a thread count other than {@code executors}
     */
    public String sparkMaster() {
        if (master == null) {
            int threads = executors > 0 ? executors : Runtime.getRuntime().availableProcessors();
            return "local[" + threads + "," + taskAttempts + "]";
        }
        Matcher local = LOCAL.matcher(master);
        if (!local.matches()) {
            return master;
        }
        String threads = local.group(1) == null ? "1" : local.group(1);
        if (executors > 0 && !threads.equals(String.valueOf(executors))) {
            throw new IllegalArgumentException("master " + master + " runs " + threads
                    + " task threads, but " + executors + " executors were asked for");
        }
        String attempts = local.group(2) == null ? String.valueOf(taskAttempts) : local.group(2);
        return "local[" + threads + "," + attempts + "]";
    }

    /** The Spark configuration for a context: master, app name, attempts, no web UI, then {@link #properties}. */
    public SparkConf sparkConf() {
        SparkConf conf = new SparkConf()
                .setMaster(sparkMaster())
                .setAppName(APP_NAME)
                .set("spark.task.maxFailures", String.valueOf(taskAttempts))
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (isLocal()) {
            // Everything runs in this JVM: no need to look up (or warn about) this host's name.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (isLocalCluster()) {
            // Executors are JVMs on this machine: they reach the driver on 127.0.0.1, load the
            // classes from this JVM's class path, and must fit in a worker's memory.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            // The worker's launcher otherwise probes $SPARK_HOME for a Spark source build to learn it.
            conf.setIfMissing("spark.executorEnv.SPARK_SCALA_VERSION", scalaBinaryVersion());
            Matcher cluster = LOCAL_CLUSTER.matcher(master);
            if (cluster.matches()) {
                conf.setIfMissing("spark.executor.memory", cluster.group(1) + "m");
            }
        } else if (executors > 0) {
            if (master.startsWith("spark://")) {
                conf.setIfMissing("spark.executor.cores", "1");
                int cores = Integer.parseInt(properties.getOrDefault("spark.executor.cores",
                        conf.get("spark.executor.cores")));
                conf.set("spark.cores.max", String.valueOf(executors * cores));
            } else {
                conf.set("spark.executor.instances", String.valueOf(executors));
            }
        }
        properties.forEach(conf::set);
        if (!isLocal() && !isLocalCluster()) {
            // A cluster's executors have Spark but not zkjvm: ship the launcher's zkjvm jars too.
            conf.set("spark.jars", ExecutorJars.join(conf.get("spark.jars", ""), ExecutorJars.ofLauncher()));
        }
        return conf;
    }

    /** {@code 2.12} for the Scala library on the class path, as Spark names its builds. */
    private static String scalaBinaryVersion() {
        String full = scala.util.Properties.versionNumberString();
        return full.substring(0, full.lastIndexOf('.'));
    }
}
