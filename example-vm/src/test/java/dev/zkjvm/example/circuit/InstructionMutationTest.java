package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Instruction;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's mutation test: for every instruction kind a program executes, change what one of its
 * steps computed (the value it wrote), its program counter, its next program counter and its
 * opcode; every mutant must be rejected, and the report must name the instruction (a constraint
 * {@code exec.<mnemonic>.*}, or the step's instruction text in the row context).
 */
class InstructionMutationTest {
    private record Mutant(String what, String mnemonic, CheckReport report) {
    }

    @Test
    void everyInstructionKindOfTheBundledPrograms() {
        long[] words = new SplittableRandom(7).longs(5).toArray();
        List<Mutant> mutants = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Programs.Outcome o : List.of(Programs.fibonacci(6), Programs.factorial(4), Programs.arraySum(words),
                Programs.bubbleSort(words))) {
            mutants.addAll(mutate(o.name(), o.runs(), o.machine().trace(), covered));
        }
        int killed = 0;
        List<String> survivors = new ArrayList<>();
        for (Mutant m : mutants) {
            if (!m.report().isSatisfied()) {
                killed++;
                String text = m.report().toString();
                assertTrue(text.contains("exec." + m.mnemonic() + ".") || text.contains(": " + m.mnemonic()),
                        () -> m.what() + ": the report does not name `" + m.mnemonic() + "`:\n" + text);
            } else {
                survivors.add(m.what());
            }
        }
        System.out.printf("instruction mutants: %d made, %d killed, instruction kinds covered: %s%n",
                mutants.size(), killed, covered);
        assertTrue(survivors.isEmpty(), () -> "survivors: " + survivors);
        assertTrue(covered.size() >= 20, () -> "only " + covered);
    }

    /** Mutants of the first step of every instruction kind not yet in {@code covered}. */
    private static List<Mutant> mutate(String name, List<Cpu64Program> runs, Trace<U64> trace, Set<String> covered) {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
        ExecutionTable.Replay replay = circuit.execution().replay(trace, 1 << 20);
        List<Mutant> out = new ArrayList<>();
        for (int row = 0; row < replay.steps(); row++) {
            String m = replay.text(circuit.execution().program(), row).split(" ")[0];
            if (!covered.add(m)) {
                continue;
            }
            int step = row;
            int end = row + 1 < replay.steps() ? replay.recordStart()[row + 1] : trace.size();
            for (int i = replay.recordStart()[row]; i < end; i++) {
                if (trace.instruction(i) == MemoryInstruction.WRITE) {
                    int r = i;
                    Trace<U64> bad = TraceEdits.of(trace).valueLimb(r, 0, trace.valueLimb(r, 0) ^ 1).build();
                    out.add(new Mutant(name + ": result of " + m + " at record " + r, m,
                            circuit.check(bad, Cpu64Trace::mnemonicOf)));
                    break;
                }
            }
            out.add(new Mutant(name + ": pc of " + m, m, checkWith(circuit, trace,
                    cols -> bump(cols, col(circuit, "exec.pc"), step))));
            out.add(new Mutant(name + ": next pc of " + m, m, checkWith(circuit, trace,
                    cols -> bump(cols, col(circuit, "exec.next_pc"), step))));
            String other = m.equals("add") ? "sub" : "add";
            out.add(new Mutant(name + ": opcode of " + m + " made " + other, m, checkWith(circuit, trace, cols -> {
                cols[col(circuit, "exec.is." + m)][step] = 0;
                cols[col(circuit, "exec.is." + other)][step] = 1;
                cols[col(circuit, "exec.opcode")][step] = other.equals("add") ? Cpu64Instruction.OP_ADD
                        : Cpu64Instruction.OP_SUB;
            })));
        }
        return out;
    }

    private static void bump(long[][] cols, int column, int row) {
        cols[column][row] = Goldilocks.add(cols[column][row], 1);
    }

    private static int col(MachineCircuit<U64> circuit, String name) {
        for (Column c : circuit.system().columns()) {
            if (c.name().equals(name)) {
                return c.index();
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    private static CheckReport checkWith(MachineCircuit<U64> circuit, Trace<U64> trace, Consumer<long[][]> edit) {
        WitnessBuilder w = circuit.witnessBuilder(trace);
        edit.accept(w.suppliedColumns());
        return circuit.check(w.build(), trace, Cpu64Trace::mnemonicOf, CheckOptions.defaults());
    }
}
