package dev.zkjvm.spark;

/** Starts a Spark runner and prints why it could not: for {@link LauncherJarIT}, in a JVM without --add-opens. */
public final class StartWithoutOpens {
    private StartWithoutOpens() {
    }

    /** Exits 0 if Spark started, 3 with the message if the runner refused. */
    public static void main(String[] args) {
        try (SparkSegmentRunner runner = SparkSegmentRunner.local(1)) {
            System.out.println("started " + runner.describe());
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
