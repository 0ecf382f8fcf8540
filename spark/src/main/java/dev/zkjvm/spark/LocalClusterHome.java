package dev.zkjvm.spark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spark's {@code local-cluster} mode starts executor JVMs through its launcher, which builds their
 * class path from {@code $SPARK_HOME/jars} and fails with a bare "Library directory ... does not
 * exist" without one; this check fails first and says what to do. No Spark installation is needed:
 * an empty {@code jars/} folder will do, since the executors get this JVM's class path.
 */
final class LocalClusterHome {
    private LocalClusterHome() {
    }

    /** @throws IllegalStateException unless {@code SPARK_HOME} names a folder holding a {@code jars/} folder */
    static void require() {
        String home = System.getenv("SPARK_HOME");
        if (home == null || home.isBlank() || !Files.isDirectory(Path.of(home, "jars"))) {
            throw new IllegalStateException("Spark's local-cluster mode needs the environment variable SPARK_HOME"
                    + " naming a folder that holds a jars/ folder (it may be empty), e.g."
                    + " `mkdir -p /tmp/spark-home/jars && SPARK_HOME=/tmp/spark-home java -jar zkvm-spark.jar ...`; SPARK_HOME is "
                    + (home == null ? "not set" : home));
        }
    }
}
