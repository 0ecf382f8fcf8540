package dev.zkjvm.spark;

import dev.zkjvm.circuit.machine.segment.SegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentWorkException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs segment work as Apache Spark tasks, one task per item: in Spark's embedded local mode
 * (nothing to install) or on a cluster given by its master URL. Owns a Spark context from
 * construction to {@link #close()}; Spark allows one active context per JVM, so one runner at a time.
 *
 * <p>A failed task is tried again up to {@link SparkRunnerConfig#taskAttempts()} times in all
 * (the work is deterministic in its item, so a retry gives the same result); an item whose every
 * attempt failed fails the {@code map} with a {@link SegmentWorkException} naming it, and the
 * runner stays usable. On a cluster, the work's classes must be on the executors' class path
 * (the launcher's zkjvm jars are sent as {@code spark.jars}; see {@link SparkRunnerConfig}).
 *
 * <p>For executors as separate JVMs on one machine (a benchmark of one against two executors),
 * use the master {@code local-cluster[2,1,2048]} (two workers of one core and 2 GiB each) with the
 * environment variable {@code SPARK_HOME} naming a folder that holds a {@code jars/} folder, which
 * may be empty: Spark's launcher adds {@code $SPARK_HOME/jars/*} to the executors' class path, and
 * the rest of it is this JVM's class path.
 */
public final class SparkSegmentRunner implements SegmentRunner {
    /** How long {@code map} waits for Spark's listener to report the last items before reporting them itself. */
    private static final long PROGRESS_GRACE_MILLIS = 2_000;

    private static final Pattern FAILED_TASK = Pattern.compile("Task (\\d+) in stage \\S+ failed");

    private final SparkRunnerConfig config;
    private final JavaSparkContext context;
    private final ItemProgressListener listener = new ItemProgressListener();
    private final AtomicLong maps = new AtomicLong();
    private final long startupMillis;

    /**
     * Starts a Spark context.
     *
     * @throws IllegalStateException if the JVM lacks the {@code --add-opens} flags Spark needs,
     *     another Spark context is running in this JVM, or {@code local-cluster} lacks its {@code SPARK_HOME}
     */
    public SparkSegmentRunner(SparkRunnerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        JavaModuleAccess.require();
        if (config.isLocalCluster()) {
            LocalClusterHome.require();
        }
        long start = System.nanoTime();
        this.context = startContext(config);
        this.startupMillis = (System.nanoTime() - start) / 1_000_000;
        context.sc().addSparkListener(listener);
    }

    /** A runner in Spark's local mode with {@code threads} task threads (0: one per processor). */
    public static SparkSegmentRunner local(int threads) {
        return new SparkSegmentRunner(SparkRunnerConfig.defaults().withExecutors(threads));
    }

    private static JavaSparkContext startContext(SparkRunnerConfig config) {
        try {
            return new JavaSparkContext(config.sparkConf());
        } catch (Exception e) {
            // Scala throws checked exceptions undeclared; the common one is a second context in the JVM.
            if (String.valueOf(e.getMessage()).contains("Only one SparkContext")) {
                throw new IllegalStateException("another Spark context is running in this JVM: close its runner first", e);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot start Spark at " + config.sparkMaster() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Work<T, R> work,
            Progress progress) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(progress, "progress");
        if (items.isEmpty()) {
            return List.of();
        }
        String map = "map-" + maps.incrementAndGet();
        MapProgress tracker = new MapProgress(items.size(), progress);
        listener.track(map, tracker);
        String outer = context.getLocalProperty(ItemProgressListener.MAP_PROPERTY);
        context.setLocalProperty(ItemProgressListener.MAP_PROPERTY, map);
        try {
            List<TimedResult<R>> timed = tasks(items, work).collect();
            try {
                tracker.awaitAll(PROGRESS_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<R> out = new ArrayList<>(timed.size());
            for (int i = 0; i < timed.size(); i++) {
                tracker.done(i, timed.get(i).millis());
                out.add(timed.get(i).value());
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw itemFailure(e, tracker);
        } finally {
            context.setLocalProperty(ItemProgressListener.MAP_PROPERTY, outer);
            listener.untrack(map);
        }
    }

    /** One partition, so one task, per item, in the items' order. */
    private <T extends Serializable, R extends Serializable> JavaRDD<TimedResult<R>> tasks(List<T> items, Work<T, R> work) {
        try {
            return context.parallelize(new ArrayList<>(items), items.size())
                    .mapPartitionsWithIndex(new IndexedWork<T, R>(work), true);
        } catch (Exception e) {
            // Spark checks the closure before running anything.
            if (causedBy(e, NotSerializableException.class) != null) {
                throw new IllegalArgumentException("the segment work is not serializable: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The job failed: finds the item in the task's exception, else in Spark's message, else from the listener. */
    private SegmentWorkException itemFailure(Exception e, MapProgress tracker) {
        String attempts = " (after " + attempts() + " attempts)";
        WorkItemFailure failure = causedBy(e, WorkItemFailure.class);
        if (failure != null) {
            Throwable cause = failure.getCause();
            return new SegmentWorkException(failure.index(), cause + attempts, cause);
        }
        Matcher task = FAILED_TASK.matcher(String.valueOf(e.getMessage()));
        int index = task.find() ? Integer.parseInt(task.group(1)) : tracker.lastFailed();
        if (index < 0) {
            // Not a task's failure (the cluster dropped the application, say): the first item left undone.
            index = tracker.firstUndone();
        }
        return new SegmentWorkException(index, e.getMessage(), e);
    }

    private int attempts() {
        String master = context.master();
        Matcher local = Pattern.compile("local\\[[^,\\]]+,(\\d+)]").matcher(master);
        return local.matches() ? Integer.parseInt(local.group(1)) : config.taskAttempts();
    }

    private static <X extends Throwable> X causedBy(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** {@code "spark local[2,2]"}, or {@code "spark spark://host:7077"}. */
    @Override
    public String describe() {
        return "spark " + context.master();
    }

    /** The configuration this runner was started with. */
    public SparkRunnerConfig config() {
        return config;
    }

    /** How long starting the Spark context took, in milliseconds. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Stops the Spark context (and with it, on a cluster, this application's executors). */
    @Override
    public void close() {
        context.stop();
    }
}
