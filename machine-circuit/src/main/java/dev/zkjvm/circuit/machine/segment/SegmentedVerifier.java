package dev.zkjvm.circuit.machine.segment;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.SegmentCircuit;
import dev.zkjvm.circuit.machine.SegmentStatement;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a {@link SegmentedProof} of a run of a program: the programs, the public input and the
 * output are all it needs.
 *
 * <p>First, cheaply, the chain: segment 0 starts at run 0, pc 0, no step, an empty stack and no
 * stream word; each segment starts where the one before ended, takes exactly the segment steps
 * (the last at most that many), and never goes back on a stream; the last ends after the last run
 * with every input word read and every output word written. Then each segment's proof against
 * the statement the verifier builds for it: its start, its end, the input and output words between
 * them, its context ({@link RunBinding}), and its pages, whose words before the segment are not
 * taken from the proof but from a memory image the verifier keeps: zero for a cell no segment
 * touched yet, else the word the last segment that touched it left. So a cell's word cannot change
 * between segments without a write.
 */
public final class SegmentedVerifier {
    private SegmentedVerifier() {
    }

    /** The state before a run: run 0, pc 0, no step, an empty stack, no stream word. */
    public static final SegmentState BEGINNING = new SegmentState(0, 0, 0, 0, 0, 0, 0);

    /**
     * Verifies {@code proof} as a run of the programs whose circuit is {@code circuit} (each of its
     * runs, in order: the count comes from the circuit, which leaves out empty programs, as the
     * segments' states number them), with {@code statement}'s input and output, under {@code config}.
     *
     * @throws InvalidProofException with the reason, naming the segment
     */
    public static <W extends Word<W>> void verify(MachineCircuit<W> circuit, String machine, SegmentedProof proof,
            Statement<W> statement, StarkConfig config) throws InvalidProofException {
        int runs = circuit.execution().orElseThrow().program().segments().size();
        List<SegmentStatement<W>> statements = chain(machine, runs, proof, statement, circuit.layout().totalCells(),
                circuit.execution().orElseThrow().type().limbs());
        SegmentCircuit<W> segments = circuit.segments();
        for (int k = 0; k < statements.size(); k++) {
            TableProof p;
            try {
                p = TableProof.fromBytes(proof.segments().get(k).proof());
            } catch (InvalidProofException e) {
                throw new InvalidProofException("segment " + k + ": " + e.getMessage());
            }
            try {
                segments.verify(p, statements.get(k), config);
            } catch (InvalidProofException e) {
                throw new InvalidProofException("segment " + k + " of " + statements.size() + ": " + e.getMessage());
            }
        }
    }

    /** Whether {@link #verify} accepts the proof. */
    public static <W extends Word<W>> boolean isValid(MachineCircuit<W> circuit, String machine,
            SegmentedProof proof, Statement<W> statement, StarkConfig config) {
        try {
            verify(circuit, machine, proof, statement, config);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /**
     * A part's counts and arrays as a prover writes them, so that a proof built in code is refused
     * like one read from bytes rather than crashing the chain.
     */
    private static void checkShape(SegmentedProof.Part part, int k, int limbs) throws InvalidProofException {
        if (part.end() == null || part.cells() == null || part.after() == null || part.proof() == null) {
            throw new InvalidProofException("segment " + k + " is incomplete");
        }
        if (part.records() < 0 || (long) part.records() + 2L * part.cells().length > Integer.MAX_VALUE) {
            throw new InvalidProofException("segment " + k + " claims " + part.records() + " records and "
                    + part.cells().length + " cells, which no log holds");
        }
        if (part.after().length != part.cells().length) {
            throw new InvalidProofException("segment " + k + " has " + part.after().length + " words after it for "
                    + part.cells().length + " cells");
        }
        for (long[] word : part.after()) {
            if (word == null || word.length != limbs) {
                throw new InvalidProofException("segment " + k + " has a word after it that is not " + limbs
                        + " limbs");
            }
        }
    }

    /** The statement of every segment, after the cheap checks of the chain. */
    static <W extends Word<W>> List<SegmentStatement<W>> chain(String machine, int runs, SegmentedProof proof,
            Statement<W> statement, long cells, int limbs) throws InvalidProofException {
        if (proof.limbs() != limbs) {
            throw new InvalidProofException("the proof's words have " + proof.limbs() + " limbs, the machine's "
                    + limbs);
        }
        int count = proof.segments().size();
        RunBinding binding = RunBinding.of(machine, runs, statement, proof.segmentSteps(), count);
        List<W> input = statement.input();
        List<W> output = statement.output();
        Map<Long, long[]> image = new HashMap<>();
        List<SegmentStatement<W>> out = new ArrayList<>();
        SegmentState start = BEGINNING;
        for (int k = 0; k < count; k++) {
            SegmentedProof.Part part = proof.segments().get(k);
            checkShape(part, k, limbs);
            SegmentState end = part.end();
            long steps = end.clk() - start.clk();
            boolean last = k == count - 1;
            if (last ? steps < 0 || steps > proof.segmentSteps() || (steps == 0 && count > 1)
                    : steps != proof.segmentSteps()) {
                throw new InvalidProofException("segment " + k + " of " + count + " takes " + steps + " steps; every"
                        + " segment takes " + proof.segmentSteps() + ", the last at most that many");
            }
            if (end.run() < start.run() || end.run() > runs || end.depth() < 0
                    || end.inputRead() < start.inputRead() || end.inputRead() > input.size()
                    || end.outputWritten() < start.outputWritten() || end.outputWritten() > output.size()) {
                throw new InvalidProofException("segment " + k + " ends at " + end + ", which no run from " + start
                        + " of " + runs + " runs, " + input.size() + " input and " + output.size()
                        + " output words reaches");
            }
            long[] cellIndex = part.cells();
            long[][] before = new long[cellIndex.length][];
            for (int i = 0; i < cellIndex.length; i++) {
                if (cellIndex[i] < 0 || cellIndex[i] >= cells || (i > 0 && cellIndex[i] <= cellIndex[i - 1])) {
                    throw new InvalidProofException("segment " + k + "'s cells are not ascending cells of the machine"
                            + " at " + i + ": " + cellIndex[i]);
                }
                long[] known = image.get(cellIndex[i]);
                before[i] = known != null ? known : new long[limbs];
            }
            out.add(new SegmentStatement<>(binding.context(k), start, end, part.records(), cellIndex, before,
                    part.after(), input.subList(start.inputRead(), end.inputRead()),
                    output.subList(start.outputWritten(), end.outputWritten())));
            for (int i = 0; i < cellIndex.length; i++) {
                image.put(cellIndex[i], part.after()[i]);
            }
            start = end;
        }
        if (start.run() != runs || start.pc() != 0 || start.inputRead() != input.size()
                || start.outputWritten() != output.size()) {
            throw new InvalidProofException("the last segment ends at " + start + ", not after the last of " + runs
                    + " runs with all " + input.size() + " input words read and " + output.size()
                    + " output words written");
        }
        return out;
    }
}
