package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.machine.segment.RunBinding;
import dev.zkjvm.circuit.machine.segment.SegmentRunner.Work;
import dev.zkjvm.circuit.machine.segment.SegmentTask;
import dev.zkjvm.circuit.machine.segment.SegmentedProof;
import dev.zkjvm.circuit.machine.segment.SegmentedProver;
import dev.zkjvm.circuit.machine.segment.SegmentedVerifier;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments proven as Spark tasks: a segmented proof made on Spark's local mode verifies, and a
 * segment's task that fails and is retried by Spark gives the same proof, byte for byte, as the
 * same task run once on this thread.
 */
@Tag("slow")
class SparkSegmentedProofTest {
    private static final Cpu64Descriptor CPU64 = new Cpu64Descriptor();
    private static SparkSegmentRunner runner;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        runner = SparkSegmentRunner.local(2);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void aRunProvenOnSparkVerifies() throws InvalidProofException {
        SegmentedProver.Outcome<U64> o = SegmentedProver.prove(CPU64, List.of(Programs.source("fibonacci")),
                List.of(U64.of(12)), List.of(), 40, StarkConfig.DEFAULT, true, runner, SegmentedProver.Listener.NONE);
        assertEquals(3, o.proof().segments().size());
        SegmentedVerifier.verify(Cpu64Circuit.circuit(List.of(Programs.program("fibonacci"))), CPU64.name(),
                SegmentedProof.fromBytes(o.proof().toBytes()), o.statement(), StarkConfig.DEFAULT);
    }

    @Test
    void aRetriedSegmentTaskGivesTheSameProof() throws Exception {
        String source = Programs.source("fibonacci");
        List<Segment> segments = new ArrayList<>();
        SegmentedRun<U64> run = CPU64.executeInSegments(List.of(CPU64.parse(source)), List.of(U64.of(12)), List.of(),
                40, segments::add);
        RunBinding binding = RunBinding.of(CPU64.name(), 1, new Statement<>(run.streams().input(),
                run.streams().output()), 40, segments.size());
        List<SegmentTask> tasks = new ArrayList<>();
        for (Segment s : segments) {
            byte[] seed = new byte[32];
            seed[0] = (byte) s.index();
            tasks.add(new SegmentTask(Cpu64Descriptor.class.getName(), List.of(source),
                    SegmentTask.limbs(run.streams().input()), new long[0][], SegmentTask.limbs(run.streams().output()),
                    s, binding.context(s.index()), seed, StarkConfig.DEFAULT, true));
        }
        String attempts = dir.toString();
        Work<SegmentTask, SegmentTask.Result> flaky = t -> {
            // every task's first attempt dies after doing the work, as a lost executor would
            SegmentTask.Result r = SegmentTask.prove(t);
            if (new java.io.File(attempts, "tried-" + t.segment().index()).createNewFile()) {
                throw new IllegalStateException("first attempt at segment " + t.segment().index() + " lost");
            }
            return r;
        };
        List<SegmentTask.Result> retried = runner.map(tasks, flaky, (i, ms) -> { });
        for (int k = 0; k < tasks.size(); k++) {
            assertTrue(Files.exists(dir.resolve("tried-" + k)), "segment " + k + " had a failed first attempt");
            assertArrayEquals(SegmentTask.prove(tasks.get(k)).proof(), retried.get(k).proof(), "segment " + k);
        }
    }
}
