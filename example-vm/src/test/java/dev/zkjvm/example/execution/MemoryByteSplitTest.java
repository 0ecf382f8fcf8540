package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.runtime.U64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The memory gadgets' byte split rests on its 8-bit range checks alone: on an active {@code load}
 * row, a split of the loaded limb 40 into a high "byte" of -1 and a low one of 296 keeps
 * {@code limb = 256·hi + lo} and the loaded value, so only {@code range8} can refuse it.
 */
class MemoryByteSplitTest {
    @Test
    void aShiftedSplitOfALoadedLimbFailsRange8Alone() {
        Cpu64Machine vm = Cpu64Machine.create();
        List<Cpu64Program> runs = List.of(Cpu64Assembler.parse("push 40\npush 8\nstore\npush 8\nload\nhalt\n"));
        runs.forEach(vm::run);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
        Replay replay = circuit.execution().orElseThrow().replay(vm.trace(), 1 << 20);
        int load = -1;
        for (int s = 0; s < replay.steps(); s++) {
            if (replay.text(circuit.execution().orElseThrow().program(), s).startsWith("load")) {
                load = s;
            }
        }
        assertTrue(load >= 0, "the program loads");
        WitnessBuilder w = circuit.witnessBuilder(vm.trace());
        long[][] cols = w.suppliedColumns();
        long[] hi = column(circuit, cols, "exec.aux.u8[0]");
        long[] lo = column(circuit, cols, "exec.aux.u8[1]");
        assertEquals(0, hi[load]);
        assertEquals(40, lo[load]);
        hi[load] = Goldilocks.P - 1;
        lo[load] = 40 + 256;
        CheckReport report = circuit.check(w.build(), vm.trace(), Cpu64Trace::mnemonicOf,
                CheckOptions.defaults().withMaxFailures(1000));
        assertEquals(Set.of("range8.last"), Set.copyOf(report.failingConstraintNames()), report::toString);
    }

    private static long[] column(MachineCircuit<U64> circuit, long[][] cols, String name) {
        for (Column c : circuit.system().columns()) {
            if (c.name().equals(name)) {
                return cols[c.index()];
            }
        }
        throw new IllegalArgumentException(name);
    }
}
