package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.example.Programs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher against a standalone cluster that has Spark but not zkjvm, as a real one
 * would: {@code SPARK_HOME/jars} holds the launcher's Spark jars only, so the executor can run the
 * bundled programs only with the zkjvm jars the runner ships itself ({@code spark.jars}, from
 * {@code executor-jars.txt}). Failsafe runs this against {@code target/zkvm-spark.jar}. The test's
 * own lambda reaches the executor in a jar of the test classes, given in {@code spark.jars}.
 */
class ClusterLauncherJarIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aClusterWithoutZkjvmRunsBundledProgramsFromTheShippedJars() throws Exception {
        List<String> shipped = ExecutorJars.ofLauncher();
        assertTrue(shipped.size() > 1 && shipped.get(0).endsWith("zkvm-spark.jar"),
                "runs from the launcher jar and finds its lib jars: " + shipped);
        Path lib = Path.of(shipped.get(0)).resolveSibling("lib");
        Path home = sparkOnlyHome(lib, shipped);
        String sparkJars = home.resolve("jars").toString() + "/*";
        Path testJar = testClassesJar();

        try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(dir, home, sparkJars)) {
            SparkRunnerConfig config = SparkRunnerConfig.forMaster(cluster.masterUrl())
                    .withExecutors(1)
                    .withProperty("spark.driver.host", "127.0.0.1")
                    .withProperty("spark.driver.bindAddress", "127.0.0.1")
                    .withProperty("spark.executor.memory", "512m")
                    .withProperty("spark.jars", testJar.toString());
            assertEquals(testJar + "," + String.join(",", shipped), config.sparkConf().get("spark.jars"));
            List<String> out;
            try (SparkSegmentRunner runner = new SparkSegmentRunner(config)) {
                out = runner.map(List.of(10L, 50L, 90L), n -> Programs.fibonacci(n).value()
                        + " from " + Programs.class.getProtectionDomain().getCodeSource().getLocation(),
                        (i, ms) -> { });
            }
            long[] expected = {55L, 12586269025L, 2880067194370816120L};
            for (int i = 0; i < expected.length; i++) {
                assertTrue(out.get(i).startsWith(expected[i] + " from "), out.get(i) + "\n" + cluster.logs());
                assertTrue(out.get(i).contains(dir.resolve("work").toString()),
                        "Programs loaded from the jar shipped into the executor's work folder: " + out.get(i));
            }
        }
    }

    /**
     * A SPARK_HOME whose jars/ links every launcher lib jar except the zkjvm ones the runner ships.
     * Kept under target/, not the temporary folder: JUnit warns about each link it deletes there.
     */
    private static Path sparkOnlyHome(Path lib, List<String> shipped) throws IOException {
        Set<Path> zkjvm = shipped.stream().map(Path::of).collect(Collectors.toSet());
        Path home = lib.resolveSibling("it-spark-home");
        Path jars = home.resolve("jars");
        if (Files.isDirectory(jars)) {
            try (Stream<Path> old = Files.list(jars)) {
                for (Path link : old.toList()) {
                    Files.delete(link);
                }
            }
        }
        Files.createDirectories(jars);
        try (Stream<Path> all = Files.list(lib)) {
            for (Path jar : all.filter(j -> !zkjvm.contains(j)).toList()) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        return home;
    }

    /**
     * The test classes (this class's lambda) as a jar for {@code spark.jars}: on the executor's
     * class path proper they could not see the zkjvm classes, which Spark loads in a child loader.
     */
    private Path testClassesJar() throws IOException {
        Path classes = Path.of(LocalStandaloneCluster.testClassPath().split(File.pathSeparator)[0]);
        for (String entry : LocalStandaloneCluster.testClassPath().split(File.pathSeparator)) {
            if (entry.endsWith("test-classes")) {
                classes = Path.of(entry);
            }
        }
        Path jar = dir.resolve("zkjvm-spark-tests.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
