package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Instruction;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's mutation test. For the first step of every instruction kind a Cpu64 program runs, four
 * mutants: the value the step wrote (its result) changes, its program counter changes, its next
 * program counter changes, and its opcode becomes another instruction's. Every mutant must be
 * rejected with a failure at the mutated step (or, for a changed program counter, at the
 * transition into it) whose report names the instruction: a constraint {@code exec.<mnemonic>.*}
 * or the step's instruction text in the row's context.
 *
 * <p>The mutants of one kind of change are applied together, one per step, and each step is
 * judged separately from the report's failures (one witness per kind of change keeps this fast).
 */
@Tag("slow")
class InstructionMutationTest {
    /** Every Cpu64 instruction the bundled programs do not run, each once. */
    static final String REST = """
            push 6
            push 3
            over
            push 1
            sel
            push 12
            and
            push 5
            or
            push 9
            xor
            push 2
            shl
            push 1
            shr
            push -4
            lts
            push 0
            eq
            pop
            push 77
            push 16
            store
            """;

    private enum Change { RESULT, PC, NEXT_PC, OPCODE }

    private record Verdict(String program, Change change, String mnemonic, int row, boolean caught,
                           boolean named) {
    }

    @Test
    void everyInstructionKind() {
        long[] words = new SplittableRandom(7).longs(5).toArray();
        List<Cpu64Program> rest = List.of(Cpu64Assembler.parse(REST));
        Cpu64Machine restRun = Cpu64Machine.create();
        rest.forEach(restRun::run);
        List<Verdict> verdicts = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        for (Programs.Outcome o : List.of(Programs.fibonacci(6), Programs.factorial(4), Programs.arraySum(words),
                Programs.bubbleSort(words), Programs.hashPreimage(words))) {
            verdicts.addAll(mutate(o.name(), o.runs(), o.machine().trace(), covered));
        }
        verdicts.addAll(mutate("rest", rest, restRun.trace(), covered));
        List<Verdict> bad = verdicts.stream().filter(v -> !v.caught() || !v.named()).toList();
        System.out.printf("instruction mutants: %d made, %d rejected at their step and named; kinds: %d %s%n",
                verdicts.size(), verdicts.size() - bad.size(), covered.size(), covered);
        assertTrue(bad.isEmpty(), () -> "not caught or not named: " + bad);
        assertTrue(covered.size() == 33, () -> "not every Cpu64 instruction ran: " + covered);
        assertEquals(Cpu64Instruction.OP_ADD, MNEMONICS.indexOf("add"), "mnemonics are listed by opcode");
        assertFalse(verdicts.isEmpty());
    }

    private static List<Verdict> mutate(String name, List<Cpu64Program> runs, Trace<U64> trace,
            TreeSet<String> covered) {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
        Replay replay = circuit.execution().orElseThrow().replay(trace, 1 << 20);
        Map<Integer, String> rows = new LinkedHashMap<>();
        for (int row = 0; row < replay.steps(); row++) {
            String m = replay.text(circuit.execution().orElseThrow().program(), row).split(" ")[0];
            if (covered.add(m)) {
                rows.put(row, m);
            }
        }
        List<Verdict> out = new ArrayList<>();
        // results: the last write record of the step (the value it pushed, set or stored)
        Map<Integer, Integer> resultRecord = new LinkedHashMap<>();
        for (int row : rows.keySet()) {
            if (rows.get(row).equals("adv")) {
                // the word `adv` pushes is the prover's free choice: another value is other advice, which
                // no constraint of its step can refuse (the program's later steps decide what it may be)
                continue;
            }
            int end = row + 1 < replay.steps() ? replay.recordStart()[row + 1] : trace.size();
            for (int i = replay.recordStart()[row]; i < end; i++) {
                if (trace.instruction(i) == MemoryInstruction.WRITE) {
                    resultRecord.put(row, i);
                }
            }
        }
        TraceEdits<U64> edits = TraceEdits.of(trace);
        resultRecord.values().forEach(i -> edits.valueLimb(i, 0, trace.valueLimb(i, 0) ^ 1));
        Trace<U64> badTrace = edits.build();
        CheckReport results = circuit.check(circuit.witness(badTrace), badTrace, Cpu64Trace::mnemonicOf, ALL);
        for (int row : resultRecord.keySet()) {
            out.add(judge(name, Change.RESULT, rows.get(row), row, results, false));
        }
        out.addAll(witnessMutants(name, circuit, trace, rows, Change.PC, (cols, row) ->
                bump(cols, col(circuit, "exec.pc"), row)));
        out.addAll(witnessMutants(name, circuit, trace, rows, Change.NEXT_PC, (cols, row) ->
                bump(cols, col(circuit, "exec.next_pc"), row)));
        out.addAll(witnessMutants(name, circuit, trace, rows, Change.OPCODE, (cols, row) -> {
            String m = rows.get(row);
            // another instruction of the program's circuit (it has the selectors of the program's instructions only)
            String other = otherInstruction(circuit, m);
            cols[col(circuit, "exec.is." + m)][row] = 0;
            cols[col(circuit, "exec.is." + other)][row] = 1;
            cols[col(circuit, "exec.opcode")][row] = MNEMONICS.indexOf(other);
        }));
        return out;
    }

    private static final CheckOptions ALL = CheckOptions.defaults().withMaxFailures(1 << 20);

    /** Cpu64's mnemonics, by opcode. */
    private static final List<String> MNEMONICS = new dev.zkjvm.example.Cpu64Descriptor().mnemonics();

    /** An instruction of {@code circuit} other than {@code m}: {@code add} or {@code sub} where they are there. */
    private static String otherInstruction(MachineCircuit<U64> circuit, String m) {
        List<String> there = circuit.system().columns().stream().map(c -> c.name())
                .filter(n -> n.startsWith("exec.is.") && !n.contains("["))
                .map(n -> n.substring("exec.is.".length())).filter(x -> !x.equals(m)).toList();
        return there.contains("add") ? "add" : there.contains("sub") ? "sub" : there.get(0);
    }

    private static List<Verdict> witnessMutants(String name, MachineCircuit<U64> circuit, Trace<U64> trace,
            Map<Integer, String> rows, Change change, BiConsumer<long[][], Integer> edit) {
        WitnessBuilder w = circuit.witnessBuilder(trace);
        rows.keySet().forEach(row -> edit.accept(w.suppliedColumns(), row));
        CheckReport report = circuit.check(w.build(), trace, Cpu64Trace::mnemonicOf, ALL);
        List<Verdict> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : rows.entrySet()) {
            out.add(judge(name, change, e.getValue(), e.getKey(), report, change == Change.PC));
        }
        return out;
    }

    /**
     * Caught: a failure at the row (or, with {@code orBefore}, at the row before, a transition into
     * it). Named: that failure's constraint is the instruction's, or its context names the step.
     */
    private static Verdict judge(String program, Change change, String m, int row, CheckReport report,
            boolean orBefore) {
        boolean caught = false;
        boolean named = false;
        for (Failure f : report.failures()) {
            if (f.row() == row || (orBefore && f.row() == row - 1)) {
                caught = true;
                String context = f.context() == null ? "" : f.context();
                named |= f.constraint().startsWith("exec." + m + ".") || context.contains(": " + m);
            }
        }
        return new Verdict(program, change, m, row, caught, named);
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
}
