package dev.zkjvm.example.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.check.ArgumentIssue;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One targeted change per constraint of the execution table that is not an instruction's own
 * ({@code exec.*} and {@code vm.pad.*}): the change is made to an honest witness, the witness is
 * rebuilt (multiplicities, commitment, challenges), and the report must fail exactly the listed
 * constraints, the targeted one first. Where one change cannot break a constraint alone, the list
 * is the smallest set we found, and docs/constraints.md says why. The report must also name the
 * step (index, run, pc, program line) or the log record that the change is at.
 */
@Tag("slow")
class ExecutionConstraintTargetTest {
    /** Two runs: the first ends by running off its end, the second by {@code halt}. */
    static final String LOADER = "push 7\nset a\npush 40\npush 8\nstore\n";
    private static final String MAIN = """
            push 3
            pop
            call sub
            get a
            push 0
            jz tail
            sub: push 5
            pop
            ret
            tail: push 8
            load
            jmp fin
            fin: halt
            """;

    private record Subject(MachineCircuit<U64> circuit, Trace<U64> trace, Replay replay) {
    }

    private static Subject subject(String... sources) {
        Cpu64Machine vm = Cpu64Machine.create();
        List<Cpu64Program> runs = Stream.of(sources).map(Cpu64Assembler::parse).toList();
        runs.forEach(vm::run);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
        return new Subject(circuit, vm.trace(), circuit.execution().orElseThrow().replay(vm.trace(), 1 << 20));
    }

    /** A run that reads two input words and writes their sum: {@code in; in; add; out; halt} on [3, 4]. */
    private static Subject streams() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.supplyInput(3, 4);
        List<Cpu64Program> runs = List.of(Cpu64Assembler.parse("in\nin\nadd\nout\nhalt\n"));
        runs.forEach(vm::run);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
        return new Subject(circuit, vm.trace(), circuit.execution().orElseThrow().replay(vm.trace(), 1 << 20));
    }

    /** A full table: 2^16 steps of push/pop fill every row, so the last row is a step. */
    private static Subject full() {
        return subject("push 1\npop\n".repeat(1 << 15));
    }

    private static final Subject SMALL = subject(LOADER, MAIN);

    /**
     * A targeted change: the constraints it must fail (the targeted one first), and how the report
     * must name the step or record the change is at, in the targeted constraint's failure (or, for
     * a lookup or range check, in its argument's issue).
     */
    private record Case(Subject subject, Consumer<Cells> edit, List<String> expected, Function<Cells, String> named) {
    }

    /** Named access to the witness columns of a subject. */
    private static final class Cells {
        final MachineCircuit<U64> circuit;
        final long[][] columns;
        final Replay replay;

        Cells(MachineCircuit<U64> circuit, long[][] columns, Replay replay) {
            this.circuit = circuit;
            this.columns = columns;
            this.replay = replay;
        }

        long[] col(String name) {
            for (Column c : circuit.system().columns()) {
                if (c.name().equals(name)) {
                    return columns[c.index()];
                }
            }
            throw new IllegalArgumentException("no column " + name);
        }

        void add(String name, int row, long delta) {
            long[] c = col(name);
            c[row] = Goldilocks.add(c[row], Goldilocks.fromSigned(delta));
        }

        int steps() {
            return replay.steps();
        }

        /** How a report names step {@code r}: index, run, pc and program line (or an inactive row). */
        String step(int r) {
            if (r >= replay.steps()) {
                return "row " + r + " of the execution table, after the last step";
            }
            return "step " + r + " (run " + replay.segment()[r] + ", pc " + replay.pc()[r] + "): "
                    + replay.text(circuit.execution().orElseThrow().program(), r);
        }

        /** How a report names record {@code r} of the trace. */
        String record(int r) {
            return "record " + r + " (";
        }

        /** How a report names the padding read at log row {@code r}. */
        String padding(int r) {
            return "padding read at row " + r + " ";
        }

        /** Records in the trace: the first padding row of the log. */
        int records() {
            return (int) java.util.Arrays.stream(col("vm.pad")).filter(v -> v == 0).count();
        }

        /** The first step of run {@code segment}. */
        int firstOfRun(int segment) {
            for (int r = 0; r < replay.steps(); r++) {
                if (replay.segment()[r] == segment) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no run " + segment);
        }

        /** The first step row running {@code mnemonic}. */
        int stepOf(String mnemonic) {
            for (int s = 0; s < replay.steps(); s++) {
                if (replay.text(circuit.execution().orElseThrow().program(), s).split(" ")[0].equals(mnemonic)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no step runs " + mnemonic);
        }
    }

    private static Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        Subject s = SMALL;
        m.put("exec.active.bool", new Case(s, c -> c.col("exec.active")[c.steps()] = 2,
                List.of("exec.active.bool", "exec.fetch.last", "exec.last_step.segment", "exec.next.depth",
                                "exec.next.segment", "exec.next.time", "exec.one_instruction"),
                c -> c.step(c.steps())));
        m.put("exec.active.stays_off", new Case(s, c -> c.col("exec.active")[c.steps() + 1] = 1,
                List.of("exec.active.stays_off", "exec.fetch.last", "exec.last_step.segment", "exec.next.segment",
                                "exec.one_instruction"),
                c -> c.step(c.steps() + 1)));
        m.put("exec.first.active", new Case(s, c -> c.col("exec.active")[0] = 0,
                List.of("exec.first.active", "exec.active.stays_off", "exec.last_step.ends",
                                "exec.last_step.segment", "exec.one_instruction"),
                c -> c.step(0)));
        m.put("exec.first.pc", new Case(s, c -> c.add("exec.pc", 0, 1),
                List.of("exec.first.pc", "exec.fetch.last", "exec.push.next_pc"),
                c -> c.step(0)));
        m.put("exec.first.segment", new Case(s, c -> c.add("exec.segment", 0, 1),
                List.of("exec.first.segment", "exec.fetch.last", "exec.next.segment"),
                c -> c.step(0)));
        m.put("exec.first.time", new Case(s, c -> c.add("exec.time", 0, 1),
                List.of("exec.first.time", "exec.bus.every_access", "exec.bus[0].last", "exec.next.time"),
                c -> c.step(0)));
        m.put("exec.first.depth", new Case(s, c -> c.add("exec.depth", 0, 1),
                List.of("exec.first.depth", "exec.bus.every_access", "exec.bus[0].last", "exec.next.depth",
                                "exec.push.push.cell"),
                c -> c.step(0)));
        m.put("exec.is.pop.bool", new Case(s, c -> c.col("exec.is.pop")[c.steps()] = 2,
                List.of("exec.is.pop.bool", "exec.one_instruction", "exec.opcode", "exec.pop.next_pc",
                                "exec.pop.pop.cell", "exec.pop.pop.used"),
                c -> c.step(c.steps())));
        m.put("exec.one_instruction", new Case(s, c -> c.col("exec.is.halt")[c.steps()] = 1,
                List.of("exec.one_instruction", "exec.halt.next_pc", "exec.opcode"),
                c -> c.step(c.steps())));
        m.put("exec.opcode", new Case(s, c -> c.add("exec.opcode", c.stepOf("get"), 1),
                List.of("exec.opcode", "exec.fetch.last"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.at_end.bool", new Case(s, c -> {
            int r = c.stepOf("halt");
            c.col("exec.at_end")[r] = 2;
            c.col("exec.at_end.inverse")[r] = Goldilocks.inverse(Goldilocks.fromSigned(-1));
        }, List.of("exec.at_end.bool", "exec.at_end.witness"),
                c -> c.step(c.stepOf("halt"))));
        m.put("exec.at_end.zero", new Case(s, c -> {
            int r = c.stepOf("get");
            c.col("exec.at_end")[r] = 1;
            c.col("exec.at_end.inverse")[r] = 0;
        }, List.of("exec.at_end.zero", "exec.ends"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.at_end.witness", new Case(s, c -> c.add("exec.at_end.inverse", c.stepOf("get"), 1),
                List.of("exec.at_end.witness"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.ends", new Case(s, c -> c.col("exec.ends")[c.stepOf("get")] = 1,
                List.of("exec.ends", "exec.next.restart", "exec.next.segment"),
                c -> c.step(c.stepOf("get"))));
        // the claimed access (time n, cell 0, read of 0) is the first padding read, which no step may claim
        m.put("exec.slot[0].unused", new Case(s, c -> c.col("exec.slot[0].used")[c.stepOf("halt")] = 1,
                List.of("exec.slot[0].unused", "exec.bus.every_access"),
                c -> c.step(c.stepOf("halt"))));
        m.put("exec.next.pc", new Case(s, c -> c.add("exec.pc", c.stepOf("get"), 1),
                List.of("exec.next.pc", "exec.fetch.last", "exec.get.next_pc"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.next.restart", new Case(s, c -> c.add("exec.pc", c.firstOfRun(1), 1),
                List.of("exec.next.restart", "exec.fetch.last", "exec.push.next_pc"),
                c -> c.step(c.firstOfRun(1))));
        m.put("exec.next.segment", new Case(s, c -> c.add("exec.segment", c.stepOf("get"), 1),
                List.of("exec.next.segment", "exec.fetch.last"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.next.time", new Case(s, c -> c.add("exec.time", c.stepOf("get"), 1),
                List.of("exec.next.time", "exec.bus.every_access", "exec.bus[0].last", "exec.bus[1].last"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.next.depth", new Case(s, c -> c.add("exec.depth", c.stepOf("get"), 1),
                List.of("exec.next.depth", "exec.bus.every_access", "exec.bus[0].last", "exec.bus[1].last",
                                "exec.get.push.cell"),
                c -> c.step(c.stepOf("get"))));
        m.put("exec.last_step.ends", new Case(s, c -> {
            int last = c.steps() - 1;
            c.col("exec.ends")[last] = 0;
            c.col("exec.is.halt")[last] = 0;
            c.col("exec.is.jmp")[last] = 1;
        }, List.of("exec.last_step.ends", "exec.ends", "exec.jmp.next_pc", "exec.opcode"),
                c -> c.step(c.steps() - 1)));
        m.put("exec.last_step.segment", new Case(s, c -> c.add("exec.segment", c.steps() - 1, -1),
                List.of("exec.last_step.segment", "exec.fetch.last", "exec.next.segment"),
                c -> c.step(c.steps() - 1)));
        m.put("exec.bus.every_access", new Case(s, c -> c.col("vm.pad")[c.records()] = 0,
                List.of("exec.bus.every_access"),
                c -> c.padding(c.records())));
        m.put("exec.bus[0]", new Case(s, c -> c.add("exec.slot[0].value[0]", c.stepOf("pop"), 1),
                List.of("exec.bus[0].last", "exec.bus.every_access"),
                c -> c.step(c.stepOf("pop")) + " [slot 0: record "));
        m.put("exec.fetch", new Case(s, c -> c.add("exec.operand[0].limb[0]", c.stepOf("push"), 1),
                List.of("exec.fetch.last", "exec.push.push.value[0]"),
                c -> c.step(c.stepOf("push"))));
        m.put("vm.pad.bool", new Case(s, c -> c.col("vm.pad")[(1 << 16) - 1] = 2,
                List.of("vm.pad.bool", "exec.bus.every_access", "vm.pad.suffix"),
                c -> c.padding((1 << 16) - 1)));
        m.put("vm.pad.suffix", new Case(s, c -> c.col("vm.pad")[(1 << 16) - 2] = 0,
                List.of("vm.pad.suffix", "exec.bus.every_access"),
                c -> c.padding((1 << 16) - 2)));
        m.put("vm.pad.read", new Case(s, c -> c.col("vm.pad")[c.records() - 1] = 1,
                List.of("vm.pad.read", "exec.bus.every_access"),
                c -> c.record(c.records() - 1)));
        // a pooled range-checked cell outside the range on an inactive row, where no instruction reads it
        m.put("range16", new Case(s, c -> c.col("exec.aux.range[0]")[c.steps() + 1] = 1 << 16,
                List.of("range16.last"),
                c -> c.step(c.steps() + 1)));
        // a pooled byte of the memory gadgets outside 0..255 on an inactive row
        m.put("range8", new Case(s, c -> c.col("exec.aux.u8[0]")[c.steps() + 1] = 256,
                List.of("range8.last"),
                c -> c.step(c.steps() + 1)));
        // the stream counters: each word's index is the counter plus its place in the step
        Subject io = streams();
        m.put("exec.input.count", new Case(io, c -> c.add("exec.input.count", 0, 1),
                List.of("exec.input.count.first", "exec.next.input.count", "io.input"),
                c -> c.step(0)));
        m.put("exec.next.input.count", new Case(io, c -> c.add("exec.input.count", 1, 1),
                List.of("exec.next.input.count", "io.input"),
                c -> c.step(0)));
        m.put("exec.output.count", new Case(io, c -> c.add("exec.output.count", 0, 1),
                List.of("exec.output.count.first", "exec.next.output.count"),
                c -> c.step(0)));
        m.put("exec.next.output.count", new Case(io, c -> c.add("exec.output.count", c.stepOf("out"), 1),
                List.of("exec.next.output.count", "io.output"),
                c -> c.step(c.stepOf("out") - 1)));
        Subject f = full();
        m.put("exec.last_row.ends", new Case(f, c -> {
            int last = (1 << 16) - 1;
            c.col("exec.ends")[last] = 0;
            c.col("exec.at_end")[last] = 0;
            c.col("exec.at_end.inverse")[last] = 0;
        }, List.of("exec.last_row.ends", "exec.at_end.witness"),
                c -> c.step((1 << 16) - 1)));
        m.put("exec.last_row.segment", new Case(f, c -> c.add("exec.segment", (1 << 16) - 1, 1),
                List.of("exec.last_row.segment", "exec.fetch.last", "exec.next.segment"),
                c -> c.step((1 << 16) - 1)));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> eachConstraintBreaks() {
        return cases().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Case k = e.getValue();
            WitnessBuilder w = k.subject().circuit().witnessBuilder(k.subject().trace());
            Cells cells = new Cells(k.subject().circuit(), w.suppliedColumns(), k.subject().replay());
            String expected = k.named().apply(cells);     // before the edit changes the cells it reads
            k.edit().accept(cells);
            CheckReport report = k.subject().circuit().check(w.build(), k.subject().trace(), Cpu64Trace::mnemonicOf,
                    CheckOptions.defaults().withMaxFailures(1000));
            Set<String> failing = new TreeSet<>(report.failingConstraintNames());
            assertTrue(failing.contains(k.expected().get(0)) || failing.contains(k.expected().get(0) + ".last"),
                    () -> e.getKey() + " did not fail:\n" + report);
            assertEquals(new TreeSet<>(k.expected()), failing, () -> e.getKey() + ":\n" + report);
            String named = namedByTarget(k.subject().circuit(), report, k.expected().get(0));
            assertTrue(named != null && named.contains(expected),
                    () -> e.getKey() + ": expected the report to name " + expected + ", it says " + named + "\n" + report);
        }));
    }

    /**
     * What the report says about the targeted constraint's row: the context of its first detailed
     * failure, or, for a lookup's or range batch's constraint, of its argument's first issue.
     */
    private static String namedByTarget(MachineCircuit<U64> circuit, CheckReport report, String target) {
        String name = report.failingConstraintNames().contains(target) ? target : target + ".last";
        String argument = circuit.system().constraint(name).argument();
        if (argument != null) {
            return report.argumentIssues().stream().filter(i -> i.argument().equals(argument)
                    || argument.startsWith("range") && i.kind().equals("range check"))
                    .map(ArgumentIssue::context).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return report.failures().stream().filter(f -> f.constraint().equals(name)).map(Failure::context)
                .findFirst().orElse(null);
    }

    /** The report names the range-checked cell by the name its range check was given, and the row. */
    @Test
    void aRangeCheckedCellOutsideTheRangeIsNamed() {
        WitnessBuilder w = SMALL.circuit().witnessBuilder(SMALL.trace());
        Cells cells = new Cells(SMALL.circuit(), w.suppliedColumns(), SMALL.replay());
        int row = cells.steps() + 3;
        cells.col("exec.aux.range[2]")[row] = 70_000;
        CheckReport report = SMALL.circuit().check(w.build(), SMALL.trace(), Cpu64Trace::mnemonicOf,
                CheckOptions.defaults());
        assertEquals(Set.of("range16.last"), report.failingConstraintNames(), report::toString);
        assertTrue(report.argumentIssues().stream().anyMatch(i -> i.argument().equals("exec.aux.range[2].range")
                && i.row() == row && i.message().contains("70000")), report::toString);
    }

    @Test
    void everyExecutionConstraintHasACase() {
        Set<String> names = new TreeSet<>();
        List<Constraint> all = new java.util.ArrayList<>(SMALL.circuit().system().constraints());
        all.addAll(streams().circuit().system().constraints());
        for (Constraint c : all) {
            String n = c.name();
            boolean instructionOwn = n.startsWith("exec.") && isInstructionConstraint(n);
            if ((n.startsWith("exec.") || n.startsWith("vm.pad.")) && !instructionOwn && !n.startsWith("exec.aux.")
                    && !n.startsWith("exec.is.")) {
                names.add(n.replaceAll("\\.(first|step|last)$", "").replaceAll("slot\\[\\d+]", "slot[0]")
                        .replaceAll("bus\\[\\d+]", "bus[0]"));
            }
        }
        names.add("exec.is.pop.bool");
        for (Constraint c : SMALL.circuit().system().constraints()) {
            if ("range16".equals(c.argument())) {
                names.add("range16");     // the batch of every range check, memory log included
            }
            if ("range8".equals(c.argument())) {
                names.add("range8");      // the memory gadgets' bytes
            }
        }
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(cases().keySet());
        assertTrue(missing.isEmpty(), () -> "no targeted case for " + missing);
    }

    /** Constraints an instruction's body produced: {@code exec.<mnemonic>.*}, for any Cpu64 mnemonic. */
    private static boolean isInstructionConstraint(String name) {
        return new dev.zkjvm.example.Cpu64Descriptor().mnemonics().contains(name.split("\\.")[1]);
    }
}
