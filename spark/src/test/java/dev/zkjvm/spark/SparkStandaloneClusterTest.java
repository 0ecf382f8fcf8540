package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on this machine (see {@link LocalStandaloneCluster}), with the runner
 * as its driver at {@code spark://127.0.0.1:port}. The worker starts the executor as a third JVM,
 * so the work's classes travel as they would to a cluster; here the executor's class path is this
 * test's own (Spark's jars and the test classes) through {@code spark.executor.extraClassPath}, and
 * {@code SPARK_HOME/jars} is empty: no Spark installation is needed.
 */
@Tag("slow")
class SparkStandaloneClusterTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mapsItemsOnAStandaloneMasterAndWorker() throws Exception {
        long start = System.nanoTime();
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        String classPath = LocalStandaloneCluster.testClassPath();
        try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(dir, home, classPath)) {
            long clusterUp = System.nanoTime();
            SparkRunnerConfig config = SparkRunnerConfig.forMaster(cluster.masterUrl())
                    .withExecutors(1)
                    .withProperty("spark.driver.host", "127.0.0.1")
                    .withProperty("spark.driver.bindAddress", "127.0.0.1")
                    .withProperty("spark.executor.memory", "512m")
                    .withProperty("spark.executor.extraClassPath", classPath);
            List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
            List<String> out;
            String pid;
            try (SparkSegmentRunner runner = new SparkSegmentRunner(config)) {
                assertEquals("spark " + cluster.masterUrl(), runner.describe());
                out = runner.map(List.of(1, 2, 3, 4), i -> "item " + i + " squared " + i * i, (i, ms) -> heard.add(i));
                pid = runner.map(List.of(0), i -> String.valueOf(ProcessHandle.current().pid()), (i, ms) -> { }).get(0);
            }
            assertEquals(List.of("item 1 squared 1", "item 2 squared 4", "item 3 squared 9", "item 4 squared 16"), out,
                    cluster.logs());
            assertEquals(4, heard.size(), "progress once per item: " + heard);
            assertNotEquals(String.valueOf(ProcessHandle.current().pid()), pid, "the work ran in an executor JVM");
            System.out.printf("standalone: cluster up in %d ms, application done after %d ms more%n",
                    (clusterUp - start) / 1_000_000, (System.nanoTime() - clusterUp) / 1_000_000);
        }
    }
}
