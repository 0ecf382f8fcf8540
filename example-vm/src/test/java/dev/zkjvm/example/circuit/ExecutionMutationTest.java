package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.check.TableSystemChecker;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.example.SeedCircuit;
import dev.zkjvm.example.SeedMachine;
import dev.zkjvm.example.SeedProgram;
import dev.zkjvm.example.SeedTrace;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link MutationTest}'s <em>equivalent</em> mutants (changes that leave a valid memory log, which
 * the memory-only circuit must accept: a read turned into a write of the same value, a changed dead
 * write, a duplicated read, a cleared second-cell mark...) against the whole-execution circuit.
 * A run is deterministic, so each of them is a wrong trace of its program and must be rejected.
 * (Invalid mutants need no second run: the execution circuit contains the memory circuit's
 * constraints, built from the same columns.) Each mutant goes through the full pipeline, so the
 * test takes up to {@value #PER_KIND} equivalent mutants per kind and program. Each must also be
 * refused by the exact check of the table system that proofs on tables use.
 */
@Tag("slow")
class ExecutionMutationTest {
    static final int PER_KIND = 2;

    @Test
    void cpu64Programs() {
        for (Programs.Outcome o : List.of(Programs.fibonacci(30), Programs.factorial(12),
                Programs.bubbleSort(Subjects.words()), Programs.hashPreimage(Subjects.words()))) {
            run(o.name(), Cpu64Circuit.circuit(o.runs()), o.machine().trace(), Cpu64Trace::mnemonicOf);
        }
    }

    @Test
    void seedMachineWithUnalignedAccesses() {
        long base = SeedMachine.LAYOUT.memoryBase();
        SeedProgram program = SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1))
                .read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .load(SeedMachine.R3, U256.of(base + 70))
                .mov(SeedMachine.R2, SeedMachine.R3)
                .build();
        SeedMachine vm = SeedMachine.create();
        vm.run(program);
        run("seed_unaligned", SeedCircuit.circuit(List.of(program)), vm.trace(), SeedTrace::mnemonicOf);
    }

    private static <W extends Word<W>> void run(String name, MachineCircuit<W> circuit, Trace<W> trace,
            IntFunction<String> mnemonics) {
        circuit.check(trace, mnemonics).assertSatisfied();
        assertTrue(tablesAccept(circuit, trace), name + ": the honest run on tables");
        MemoryLayout layout = circuit.layout();
        Map<MutationTest.Kind, int[]> byKind = new LinkedHashMap<>();   // checked, rejected
        List<String> survivors = new ArrayList<>();
        for (int i : MutationTest.records(trace.size())) {
            for (MutationTest.Kind k : MutationTest.Kind.values()) {
                int[] c = byKind.computeIfAbsent(k, x -> new int[2]);
                UnaryOperator<TraceEdits<W>> edit = MutationTest.edit(k, trace, i, layout.wordSize());
                if (c[0] >= PER_KIND || edit == null) {
                    continue;
                }
                Trace<W> m = edit.apply(TraceEdits.of(trace)).build();
                if (sameRecords(trace, m) || ReferenceRules.violation(m, layout) != null) {
                    continue;   // not a change, or an invalid log (the memory circuit's share)
                }
                c[0]++;
                CheckReport report = circuit.check(m, mnemonics);
                // the constraints must reject it: a proof is checked by them alone, not by the record check
                if (!report.constraintsSatisfied()) {
                    c[1]++;
                } else {
                    survivors.add(k + " at record " + i);
                }
                // and so must the table system that proofs on tables are made of (log, execution and
                // preprocessed tables, checked exactly)
                if (tablesAccept(circuit, m)) {
                    survivors.add(k + " at record " + i + " on tables");
                }
            }
        }
        int checked = byKind.values().stream().mapToInt(c -> c[0]).sum();
        int rejected = byKind.values().stream().mapToInt(c -> c[1]).sum();
        System.out.printf("%s: %d equivalent mutants of the memory circuit, %d rejected by the execution"
                + " circuit%n", name, checked, rejected);
        byKind.forEach((k, c) -> {
            if (c[0] > 0) {
                System.out.printf("    %-20s %d checked, %d rejected%n", k, c[0], c[1]);
            }
        });
        assertTrue(survivors.isEmpty(), () -> name + ": " + survivors.size() + " equivalent mutants pass, e.g. "
                + survivors.stream().limit(5).toList());
        assertEquals(checked, rejected);
    }

    private static <W extends Word<W>> boolean tablesAccept(MachineCircuit<W> circuit, Trace<W> trace) {
        SystemTrace t;
        try {
            t = circuit.tablesTrace(trace);
        } catch (RuntimeException e) {
            return false;   // no witness to prove: the prover refuses
        }
        return new TableSystemChecker(circuit.tables().system()).check(t, circuit.tablesStatement(trace)).isSatisfied();
    }

    private static <W extends Word<W>> boolean sameRecords(Trace<W> a, Trace<W> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!TraceEdits.record(a, i).toString().equals(TraceEdits.record(b, i).toString())) {
                return false;
            }
        }
        return true;
    }
}
