package dev.zkjvm.circuit.machine.segment;

/**
 * Makes {@link SegmentRunner}s for a master URL; found with {@link java.util.ServiceLoader}, so a
 * tool can use a cluster engine (the {@code zkjvm-spark} module) when it is on the class path.
 */
public interface SegmentRunnerFactory {
    /**
     * A runner for {@code master}: {@code null} for the engine's default (its embedded local mode),
     * else a URL such as {@code local[2]} or {@code spark://host:7077}.
     */
    SegmentRunner create(String master);

    /** The engine's name, e.g. {@code spark}. */
    String name();
}
