package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on this machine: a Spark master and one worker (1 core, 1 GiB) as child
 * JVMs on 127.0.0.1, and the runner as a driver connected to {@code spark://127.0.0.1:port}. The
 * worker starts its executor as a third JVM, so the work's classes travel as they would to a
 * cluster.
 *
 * <p>No Spark installation is needed: the worker builds the executor's class path from
 * {@code $SPARK_HOME/jars/*} (here an empty folder in a temporary {@code SPARK_HOME}) and the
 * application's {@code spark.executor.extraClassPath}, set to this test's own class path, which
 * holds Spark's jars and the test classes.
 */
@Tag("slow")
class SparkStandaloneClusterTest {
    private static final Pattern ONE_WORKER = Pattern.compile("\"aliveworkers\"\\s*:\\s*1\\b");

    @TempDir
    Path dir;

    private final List<Process> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        Collections.reverse(daemons);
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : daemons) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mapsItemsOnAStandaloneMasterAndWorker() throws Exception {
        long start = System.nanoTime();
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        int masterPort = freePort();
        int masterUi = freePort();
        String classPath = testClassPath();

        daemons.add(daemon("master", classPath, home, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUi)));
        daemons.add(daemon("worker", classPath, home, "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g",
                "--work-dir", dir.resolve("work").toString(), "spark://127.0.0.1:" + masterPort));
        awaitWorker(masterUi);
        long clusterUp = System.nanoTime();

        SparkRunnerConfig config = SparkRunnerConfig.forMaster("spark://127.0.0.1:" + masterPort)
                .withExecutors(1)
                .withProperty("spark.driver.host", "127.0.0.1")
                .withProperty("spark.executor.memory", "512m")
                .withProperty("spark.executor.extraClassPath", classPath);
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        List<String> out;
        String pid;
        try (SparkSegmentRunner runner = new SparkSegmentRunner(config)) {
            assertEquals("spark spark://127.0.0.1:" + masterPort, runner.describe());
            out = runner.map(List.of(1, 2, 3, 4), i -> "item " + i + " squared " + i * i, (i, ms) -> heard.add(i));
            pid = runner.map(List.of(0), i -> String.valueOf(ProcessHandle.current().pid()), (i, ms) -> { }).get(0);
        }
        assertEquals(List.of("item 1 squared 1", "item 2 squared 4", "item 3 squared 9", "item 4 squared 16"), out);
        assertEquals(4, heard.size(), "progress once per item: " + heard);
        assertTrue(Long.parseLong(pid) != ProcessHandle.current().pid(), "the work ran in an executor JVM");
        System.out.printf("standalone: cluster up in %d ms, application done after %d ms more%n",
                (clusterUp - start) / 1_000_000, (System.nanoTime() - clusterUp) / 1_000_000);
    }

    private Process daemon(String name, String classPath, Path home, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.addAll(List.of("-Xmx256m", "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    /** Polls the master's JSON status page until the worker has registered. */
    private void awaitWorker(int masterUi) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new AssertionError("a Spark daemon exited with " + p.exitValue() + ":\n" + logs());
                }
            }
            try (InputStream in = new URL("http://127.0.0.1:" + masterUi + "/json/").openStream()) {
                if (ONE_WORKER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find()) {
                    return;
                }
            } catch (IOException notYet) {
                // the master's page is not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no worker registered with the master within 60 s:\n" + logs());
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log") || f.endsWith("stderr")).toList()) {
                all.append("== ").append(log).append('\n').append(Files.readString(log));
            }
        }
        return all.toString();
    }

    /**
     * This JVM's class path: Surefire hands the forked JVM a manifest-only jar, and names the real
     * class path in a system property.
     */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
