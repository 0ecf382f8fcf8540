package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.InstructionTables;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.tables.translate.RangeLayout;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link InstructionMutationTest}'s mutants against the execution tables that proofs are made of:
 * for the first step of every instruction kind, the value it wrote changes (in the trace), and on
 * its row of its table its program counter, its next program counter, and (in a table of several
 * instructions) which instruction the row runs (a table none of whose instructions jumps has no
 * next program counter to change). The exact check on tables must reject each; a
 * changed result must be named by its step.
 */
@Tag("slow")
class InstructionTablesMutationTest {
    private final List<String> survivors = new ArrayList<>();
    private int made;

    /** In both range layouts: short runs prove in the byte layout, long ones in the whole table. */
    @ParameterizedTest
    @EnumSource(RangeLayout.class)
    void everyInstructionKind(RangeLayout layout) {
        this.layout = layout;
        long[] words = new SplittableRandom(7).longs(5).toArray();
        List<Cpu64Program> rest = List.of(Cpu64Assembler.parse(InstructionMutationTest.REST));
        Cpu64Machine restRun = Cpu64Machine.create();
        rest.forEach(restRun::run);
        TreeSet<String> covered = new TreeSet<>();
        for (Programs.Outcome o : List.of(Programs.fibonacci(6), Programs.factorial(4), Programs.arraySum(words),
                Programs.bubbleSort(words), Programs.hashPreimage(words))) {
            mutate(o.runs(), o.machine().trace(), covered);
        }
        mutate(rest, restRun.trace(), covered);
        System.out.printf("instruction mutants on tables (%s layout): %d made, %d survived; kinds: %d%n", layout, made,
                survivors.size(), covered.size());
        assertTrue(survivors.isEmpty(), () -> "not rejected: " + survivors);
        assertEquals(33, covered.size(), () -> "not every Cpu64 instruction ran: " + covered);
    }

    private RangeLayout layout;

    private void mutate(List<Cpu64Program> runs, Trace<U64> trace, TreeSet<String> covered) {
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
        Replay replay = circuit.execution().orElseThrow().replay(trace, 1 << 20);
        for (int step = 0; step < replay.steps(); step++) {
            String text = replay.text(circuit.execution().orElseThrow().program(), step);
            String m = text.split(" ")[0];
            if (!covered.add(m)) {
                continue;
            }
            String at = "step " + step + " (run " + replay.segment()[step] + ", pc " + replay.pc()[step] + "): " + text;
            if (!m.equals("adv")) {   // the word adv pushes is the prover's free choice (see InstructionMutationTest)
                int end = step + 1 < replay.steps() ? replay.recordStart()[step + 1] : trace.size();
                for (int i = end - 1; i >= replay.recordStart()[step]; i--) {
                    if (trace.instruction(i) == MemoryInstruction.WRITE) {
                        Trace<U64> bad = TraceEdits.of(trace).valueLimb(i, 0, trace.valueLimb(i, 0) ^ 1).build();
                        TableSystemReport r = circuit.checkTables(bad, layout);
                        made++;
                        if (r.isSatisfied() || !r.toString().contains(at)) {
                            survivors.add("result of " + at + (r.isSatisfied() ? "" : " (not named)"));
                        }
                        break;
                    }
                }
            }
            rowMutant(circuit, trace, step, m, "pc", at);
            rowMutant(circuit, trace, step, m, "next_pc", at);
            rowMutant(circuit, trace, step, m, null, at);
        }
    }

    /** Adds 1 to the step's column {@code suffix} on its row, or (null) moves the row to another instruction. */
    private void rowMutant(MachineCircuit<U64> circuit, Trace<U64> trace, int step, String mnemonic, String suffix,
            String at) {
        SystemTrace t = circuit.tablesTrace(trace, layout);
        for (Table table : t.system().tables()) {
            Column clk = table.air().columns().stream().filter(c -> c.name().equals(table.name() + ".clk"))
                    .findFirst().orElse(null);
            if (clk == null || table.name().equals(InstructionTables.FINAL_TABLE)) {
                continue;
            }
            List<Column> flags = table.columns().stream().filter(c -> c.name().equals(table.name() + ".active")
                    || c.name().startsWith(table.name() + ".is.")).toList();
            Column mine = flags.stream().filter(f -> f.name().equals(table.name() + ".active")
                    ? table.name().equals("exec." + mnemonic) : f.name().endsWith(".is." + mnemonic)).findFirst()
                    .orElse(null);
            if (mine == null) {
                continue;
            }
            for (int r = 0; r < t.height(table); r++) {
                if (t.column(table, clk)[r] != step || t.column(table, mine)[r] != 1) {
                    continue;
                }
                if (suffix == null) {
                    if (flags.size() == 1) {
                        return;   // a table of one instruction: no other instruction to run on this row
                    }
                    t.set(table, mine, r, 0);
                    t.set(table, flags.get(flags.get(0).equals(mine) ? 1 : 0), r, 1);
                } else {
                    if (table.air().columns().stream().noneMatch(c -> c.name().equals(table.name() + "." + suffix))) {
                        return;   // a table of no jump has no next_pc: the target is pc + 1, no cell to change
                    }
                    Column c = table.air().column(table.name() + "." + suffix);
                    t.set(table, c, r, Goldilocks.add(t.column(table, c)[r], 1));
                }
                made++;
                if (new TableSystemChecker(t.system()).check(t, circuit.tablesStatement(trace, layout)).isSatisfied()) {
                    survivors.add((suffix == null ? "instruction" : suffix) + " of " + at);
                }
                return;
            }
        }
        throw new AssertionError("no row runs " + at);
    }
}
