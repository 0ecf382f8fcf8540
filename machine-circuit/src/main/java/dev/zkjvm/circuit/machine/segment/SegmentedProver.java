package dev.zkjvm.circuit.machine.segment;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentState;
import dev.zkjvm.runtime.segment.SegmentedRun;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a run of any length as segments ({@link SegmentedProof}), in stages:
 * <ol>
 *   <li><b>run</b>: the driver executes the programs once, cut every {@code segmentSteps} steps,
 *       keeping per segment only its record ({@link Segment}: start and end states, the cells it
 *       touches and their words before and after), never the whole trace;</li>
 *   <li><b>bind</b>: the statement (input, output) and the cut give every segment its context
 *       ({@link RunBinding}); a fresh secret gives every segment its own randomness seed;</li>
 *   <li><b>prove</b>: a {@link SegmentRunner} runs one {@link SegmentTask} per segment, in parallel
 *       wherever it runs them; each re-executes its segment from the record and proves it;</li>
 *   <li><b>assemble</b>: the segments' ends, pages and proofs, in run order.</li>
 * </ol>
 */
public final class SegmentedProver {
    private SegmentedProver() {
    }

    /** Hears how the proof goes. */
    public interface Listener {
        /** The run was executed and cut into {@code segments} segments of {@code steps} steps in all. */
        void executed(long steps, int segments, long millis);

        /** Segment {@code index} was proven in {@code millis} ms of its task's time. */
        void proven(int index, int segments, long millis);

        /** Hears nothing. */
        Listener NONE = new Listener() {
            @Override
            public void executed(long steps, int segments, long millis) {
            }

            @Override
            public void proven(int index, int segments, long millis) {
            }
        };
    }

    /** A segmented proof with the statement it proves. */
    public record Outcome<W extends Word<W>>(SegmentedProof proof, Statement<W> statement, long steps) {
    }

    /**
     * Runs the programs in {@code sources} on {@code machine} with {@code input} and {@code advice},
     * cut every {@code segmentSteps} steps, and proves every segment on {@code runner}.
     *
     * @throws dev.zkjvm.runtime.VmException if the run fails
     * @throws SegmentWorkException if a segment's task fails for good
     */
    public static <W extends Word<W>, P> Outcome<W> prove(MachineDescriptor<W, P> machine, List<String> sources,
            List<W> input, List<W> advice, long segmentSteps, StarkConfig config, boolean zeroKnowledge,
            SegmentRunner runner, Listener listener) {
        if (segmentSteps < 1) {
            throw new IllegalArgumentException("a segment takes at least one step, not " + segmentSteps);
        }
        List<P> runs = new ArrayList<>();
        for (String s : sources) {
            runs.add(machine.parse(s));
        }
        long started = System.nanoTime();
        List<Segment> segments = new ArrayList<>();
        SegmentedRun<W> run = machine.executeInSegments(runs, input, advice, segmentSteps, segments::add);
        listener.executed(run.totalSteps(), segments.size(), (System.nanoTime() - started) / 1_000_000);

        Statement<W> statement = new Statement<>(run.streams().input(), run.streams().output());
        RunNumbering numbering = RunNumbering.of(machine, runs);
        RunBinding binding = RunBinding.of(machine.name(), numbering.circuitRuns(), statement, segmentSteps,
                segments.size());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        long[][] in = SegmentTask.limbs(run.streams().input());
        long[][] adv = SegmentTask.limbs(run.streams().advice());
        long[][] out = SegmentTask.limbs(run.streams().output());
        List<SegmentTask> tasks = new ArrayList<>();
        for (Segment s : segments) {
            tasks.add(new SegmentTask(machine.getClass().getName(), List.copyOf(sources), in, adv, out, s,
                    binding.context(s.index()), seed(secret, s.index()), config, zeroKnowledge));
        }
        int count = tasks.size();
        List<SegmentTask.Result> results = runner.map(tasks, SegmentTask::prove,
                (index, millis) -> listener.proven(index, count, millis));

        List<SegmentedProof.Part> parts = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Segment s = segments.get(k);
            // the proof states no advice count: the advice stays the prover's
            SegmentState stated = numbering.circuitState(s.end(), true);
            parts.add(new SegmentedProof.Part(stated, results.get(k).records(), s.cells(), s.after(),
                    results.get(k).proof()));
        }
        int limbs = machine.wordType().limbs();
        return new Outcome<>(new SegmentedProof(segmentSteps, limbs, parts), statement, run.totalSteps());
    }

    /** Segment {@code index}'s seed: HMAC-SHA256 of the index under the run's secret (a pseudorandom function). */
    static byte[] seed(byte[] secret, int index) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update("zkjvm/segment-seed/1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return mac.doFinal(ByteBuffer.allocate(4).putInt(index).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
