package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zkjvm.circuit.machine.segment.SegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunner.Work;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two executors as two JVMs of their own ({@code local-cluster[2,1,512]}) give the results of one
 * executor. Surefire sets {@code SPARK_HOME} to {@code target/spark-home}, whose {@code jars/} this
 * test makes (empty: the executors get this JVM's class path).
 */
@Tag("slow")
class SparkLocalClusterTest {
    /** Item {@code i}'s result and the executor JVM that computed it; sleeps so both executors get work. */
    private static final Work<Integer, String> WHERE = i -> {
        Thread.sleep(300);
        return i * i + "@" + ProcessHandle.current().pid();
    };

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoExecutorJvmsGiveTheResultsOfOne() throws IOException {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        List<Integer> items = IntStream.range(0, 6).boxed().toList();
        List<String> one;
        try (SparkSegmentRunner local = SparkSegmentRunner.local(1)) {
            one = local.map(items, WHERE, SegmentRunner.Progress.NONE);
        }
        SparkRunnerConfig twoJvms = SparkRunnerConfig.forMaster("local-cluster[2,1,512]")
                // start the job only once both executors are up, so both get items
                .withProperty("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        List<String> two;
        try (SparkSegmentRunner cluster = new SparkSegmentRunner(twoJvms)) {
            two = cluster.map(items, WHERE, SegmentRunner.Progress.NONE);
        }
        assertEquals(values(one), values(two));
        String driver = String.valueOf(ProcessHandle.current().pid());
        assertEquals(List.of(driver), pids(one).stream().distinct().toList(), "local mode runs in this JVM");
        List<String> executors = pids(two).stream().distinct().toList();
        assertEquals(2, executors.size(), "two executor JVMs: " + two);
        assertFalse(executors.contains(driver), "not this JVM: " + two);
    }

    private static List<String> values(List<String> results) {
        return results.stream().map(r -> r.substring(0, r.indexOf('@'))).toList();
    }

    private static List<String> pids(List<String> results) {
        return results.stream().map(r -> r.substring(r.indexOf('@') + 1)).toList();
    }
}
