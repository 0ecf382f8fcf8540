package dev.zkjvm.spark;

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

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and one worker (1 core, 1 GiB) as
 * child JVMs, with no Spark installed. The worker starts executors with the class path
 * {@code spark.executor.extraClassPath} + {@code $SPARK_HOME/jars/*}; here {@code SPARK_HOME} is a
 * temporary folder whose {@code jars/} the caller fills (or leaves empty).
 */
final class LocalStandaloneCluster implements AutoCloseable {
    private static final Pattern ONE_WORKER = Pattern.compile("\"aliveworkers\"\\s*:\\s*1\\b");

    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();
    private final int masterPort;

    /**
     * Starts the master and the worker and waits until the worker has registered.
     *
     * @param dir a scratch folder: logs, the worker's work folder
     * @param sparkHome the workers' {@code SPARK_HOME}; must hold a {@code jars} folder
     * @param daemonClassPath the class path the master and worker run with (Spark's jars)
     */
    LocalStandaloneCluster(Path dir, Path sparkHome, String daemonClassPath) throws Exception {
        this.dir = dir;
        this.masterPort = freePort();
        int masterUi = freePort();
        try {
            daemons.add(daemon("master", daemonClassPath, sparkHome, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUi)));
            daemons.add(daemon("worker", daemonClassPath, sparkHome, "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g",
                    "--work-dir", dir.resolve("work").toString(), masterUrl()));
            awaitWorker(masterUi);
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** This JVM's class path (Surefire and Failsafe name it in a property; java.class.path is a manifest-only jar). */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The daemons' and executors' logs, for a failure message. */
    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log") || f.endsWith("stderr")).toList()) {
                all.append("== ").append(log).append('\n').append(Files.readString(log));
            }
        }
        return all.toString();
    }

    /** Stops the worker's executors, the worker and the master: the processes this cluster started. */
    @Override
    public void close() {
        List<Process> newestFirst = new ArrayList<>(daemons);
        Collections.reverse(newestFirst);
        for (Process p : newestFirst) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        try {
            for (Process p : newestFirst) {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            newestFirst.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        daemons.clear();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
