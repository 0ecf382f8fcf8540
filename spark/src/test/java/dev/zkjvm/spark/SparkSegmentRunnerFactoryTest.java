package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.segment.SegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunnerFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** How a tool finds Spark: by name through ServiceLoader, with a master URL or Spark's default. */
class SparkSegmentRunnerFactoryTest {
    private static SegmentRunnerFactory spark() {
        return ServiceLoader.load(SegmentRunnerFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("spark"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory named spark on the class path"));
    }

    @Test
    void serviceLoaderFindsSparkAndItsDefaultIsLocalModeOnEveryProcessor() {
        SegmentRunnerFactory factory = spark();
        assertEquals(SparkSegmentRunnerFactory.class, factory.getClass());
        int processors = Runtime.getRuntime().availableProcessors();
        try (SegmentRunner runner = factory.create(null)) {
            assertEquals("spark local[" + processors + ",2]", runner.describe());
            assertEquals(List.of(4, 9), runner.map(List.of(2, 3), i -> i * i, SegmentRunner.Progress.NONE));
        }
    }

    @Test
    void aMasterUrlIsPassedOnAndASecondContextIsRefusedClearly() {
        try (SegmentRunner runner = spark().create("local[1]")) {
            assertEquals("spark local[1,2]", runner.describe());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> spark().create("local[1]"));
            assertTrue(e.getMessage().contains("another Spark context"), e.getMessage());
            assertEquals(List.of("a"), runner.map(List.of("A"), String::toLowerCase, SegmentRunner.Progress.NONE));
        }
    }
}
