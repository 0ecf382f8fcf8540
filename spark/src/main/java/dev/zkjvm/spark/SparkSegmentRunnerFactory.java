package dev.zkjvm.spark;

import dev.zkjvm.circuit.machine.segment.SegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunnerFactory;

/** Makes {@link SparkSegmentRunner}s; registered for {@link java.util.ServiceLoader} under the name {@code spark}. */
public final class SparkSegmentRunnerFactory implements SegmentRunnerFactory {
    /** The engine's name. */
    public static final String NAME = "spark";

    /** {@code null}: Spark's local mode with a task thread per processor; else a master URL. */
    @Override
    public SegmentRunner create(String master) {
        return new SparkSegmentRunner(SparkRunnerConfig.forMaster(master));
    }

    @Override
    public String name() {
        return NAME;
    }
}
