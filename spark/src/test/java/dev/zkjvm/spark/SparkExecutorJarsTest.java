package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars a cluster's executors are sent. */
class SparkExecutorJarsTest {
    @TempDir
    Path dir;

    @Test
    void theLauncherAndItsListedLibJarsThatExist() throws IOException {
        Path launcher = Files.createFile(dir.resolve("zkvm-spark.jar"));
        Files.createDirectories(dir.resolve("lib"));
        Path runtime = Files.createFile(dir.resolve("lib/zkjvm-runtime.jar"));
        Path bc = Files.createFile(dir.resolve("lib/bcprov.jar"));
        List<String> jars = ExecutorJars.resolve(launcher, "lib/zkjvm-runtime.jar,lib/bcprov.jar,lib/gone.jar,");
        assertEquals(List.of(launcher.toString(), runtime.toString(), bc.toString()), jars);
    }

    @Test
    void nothingIsShippedFromClassFolders() {
        // The tests run from target/classes, not from the launcher jar.
        assertEquals(List.of(), ExecutorJars.ofLauncher());
        assertEquals("", SparkRunnerConfig.forMaster("spark://h:7077").sparkConf().get("spark.jars", ""));
        assertEquals("mine.jar", SparkRunnerConfig.forMaster("spark://h:7077").withProperty("spark.jars", "mine.jar")
                .sparkConf().get("spark.jars"));
    }

    @Test
    void shippedJarsAreAddedToTheGivenOnesOnce() {
        assertEquals("a.jar,b.jar,c.jar", ExecutorJars.join("a.jar, b.jar,", List.of("b.jar", "c.jar")));
        assertEquals("c.jar", ExecutorJars.join("", List.of("c.jar")));
        assertEquals("a.jar", ExecutorJars.join("a.jar", List.of()));
    }

    @Test
    void theBuildListsTheZkjvmJarsButNotSpark() throws IOException {
        String list = new String(ExecutorJars.class.getResourceAsStream("executor-jars.txt").readAllBytes());
        List<String> names = List.of(list.trim().split(","));
        for (String needed : List.of("zkjvm-runtime", "zkjvm-circuit", "zkjvm-machine-circuit", "zkjvm-example-vm", "bcprov")) {
            assertEquals(1, names.stream().filter(n -> n.startsWith("lib/" + needed + "-")).count(), needed + " in " + list);
        }
        assertFalse(list.contains("spark-"), list);
        assertFalse(list.contains("scala-"), list);
    }
}
