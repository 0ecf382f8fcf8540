package dev.zkjvm.circuit.machine.segment;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work of proving one segment, as a task that can be shipped to another JVM: which machine
 * (its generated descriptor's class), the programs' source text, the run's streams, the segment's
 * record ({@link Segment}: its start, its cells and their words), its context and the seed of its
 * zero-knowledge randomness. {@link #prove} re-executes the segment from that record and proves it;
 * no trace is shipped. Proving the same task twice gives the same bytes.
 *
 * @param descriptorClass the machine's generated {@code <Name>Descriptor} class, on the class path
 *     where the task runs
 * @param sources each run's program, as assembly text
 * @param input the public input words' 64-bit limbs
 * @param advice the advice words' limbs
 * @param output the output words' limbs
 * @param segment the segment's record from the segmented run
 * @param context the context words ({@link RunBinding#context})
 * @param seed 32 secret bytes for the zero-knowledge randomness
 * @param config the proof parameters
 * @param zeroKnowledge whether the proof hides the trace
 */
public record SegmentTask(String descriptorClass, List<String> sources, long[][] input, long[][] advice,
        long[][] output, Segment segment, long[] context, byte[] seed, StarkConfig config, boolean zeroKnowledge)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a task gives back: the accesses its steps made (the segment's records) and its proof. */
    public record Result(int records, byte[] proof) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Descriptors by class, kept per JVM so that tasks on one executor share circuits and keys. */
    private static final Map<String, MachineDescriptor<?, ?>> DESCRIPTORS = new ConcurrentHashMap<>();

    /** Re-executes the segment and proves it. */
    public static Result prove(SegmentTask task) {
        return task.proveHere(descriptor(task.descriptorClass()));
    }

    private static MachineDescriptor<?, ?> descriptor(String name) {
        return DESCRIPTORS.computeIfAbsent(name, n -> {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Class<?> c = Class.forName(n, true, loader != null ? loader : SegmentTask.class.getClassLoader());
                return (MachineDescriptor<?, ?>) c.getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("machine descriptor " + n + " is not on this JVM's class path: " + e, e);
            }
        });
    }

    private <W extends Word<W>, P> Result proveHere(MachineDescriptor<W, P> machine) {
        List<P> runs = new ArrayList<>();
        for (String s : sources) {
            runs.add(machine.parse(s));
        }
        WordType<W> type = machine.wordType();
        List<W> in = words(type, input);
        List<W> adv = words(type, advice);
        List<W> out = words(type, output);
        Trace<W> records = machine.replaySegment(runs, segment, in, adv, out);
        RunNumbering numbering = RunNumbering.of(machine, runs);
        SegmentState start = numbering.circuitState(segment.start(), false);
        SegmentState end = numbering.circuitState(segment.end(), false);
        SegmentStatement<W> statement = new SegmentStatement<>(context, start, end, records.size(), segment.cells(),
                segment.before(), segment.after(), in.subList(start.inputRead(), end.inputRead()),
                out.subList(start.outputWritten(), end.outputWritten()));
        TableProof proof = machine.circuit(runs).segments().prove(records, statement, config, zeroKnowledge, seed);
        return new Result(records.size(), proof.toBytes());
    }

    /** Words as 64-bit limbs, for shipping. */
    public static <W extends Word<W>> long[][] limbs(List<W> words) {
        long[][] out = new long[words.size()][];
        for (int i = 0; i < out.length; i++) {
            W w = words.get(i);
            out[i] = new long[w.type().limbs()];
            for (int l = 0; l < out[i].length; l++) {
                out[i][l] = w.limb(l);
            }
        }
        return out;
    }

    private static <W extends Word<W>> List<W> words(WordType<W> type, long[][] limbs) {
        List<W> out = new ArrayList<>(limbs.length);
        for (long[] l : limbs) {
            out.add(type.fromLimbs(l, 0));
        }
        return out;
    }
}
