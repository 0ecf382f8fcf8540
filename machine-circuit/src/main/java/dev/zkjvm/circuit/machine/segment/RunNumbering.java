package dev.zkjvm.circuit.machine.segment;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.List;

/**
 * The runtime numbers a state's run over every program given, the circuit over the programs with
 * instructions (an empty program's run takes no step, and its circuit has no line for it). This maps
 * the first numbering to the second, for the states a segment's statement and proof carry.
 */
final class RunNumbering {
    /** {@code circuitRun[r]}: the programs with instructions before program r; r up to the number of programs. */
    private final int[] circuitRun;

    private RunNumbering(int[] circuitRun) {
        this.circuitRun = circuitRun;
    }

    static <P> RunNumbering of(MachineDescriptor<?, P> machine, List<P> runs) {
        int[] out = new int[runs.size() + 1];
        for (int r = 0; r < runs.size(); r++) {
            out[r + 1] = out[r] + (machine.programSize(runs.get(r)) > 0 ? 1 : 0);
        }
        return new RunNumbering(out);
    }

    /** The runs the circuit counts: the programs with instructions. */
    int circuitRuns() {
        return circuitRun[circuitRun.length - 1];
    }

    /** {@code s} with its run in the circuit's numbering; {@code adviceRead} kept or, if {@code hideAdvice}, 0. */
    SegmentState circuitState(SegmentState s, boolean hideAdvice) {
        return new SegmentState(circuitRun[s.run()], s.pc(), s.clk(), s.depth(), s.inputRead(),
                hideAdvice ? 0 : s.adviceRead(), s.outputWritten());
    }
}
