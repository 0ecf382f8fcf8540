package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.tables.check.TableSystemReport;
import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.circuit.machine.exec.UnconstrainableBodyException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.VmException;
import dev.zkjvm.runtime.Word;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * What {@code run}, {@code check}, {@code prove} and {@code verify} share: the machine and program
 * options, running the programs, building the circuit, and turning an {@link OutOfMemoryError}
 * into a message that says how much heap the work needs.
 */
abstract class MachineCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgramInput input;

    /** Output words printed before the rest is only counted. */
    private static final int OUTPUT_SHOWN = 16;

    /** What the command is doing, and the circuit's shape once known: for the out-of-memory message. */
    String stage = "running the program";
    private long rows;
    private int columns;
    /** The cells of a proof on tables' own tables, once it is known that the proof is one (else 0). */
    private long tableCells;
    /** The cells of the exact check on tables while it runs (else 0). */
    private long tableCheckCells;

    /**
     * Heap set aside while the command works and freed when it runs out, so that the message saying
     * how much to give can still be built (its string concatenation links classes on first use).
     */
    private byte[] reserve = new byte[4 << 20];

    @Override
    public final Integer call() {
        Job<?, ?> job = job();
        try {
            return execute(job);
        } catch (OutOfMemoryError e) {
            reserve = null;
            List<String> args = spec.commandLine().getParseResult().originalArgs();
            long maxHeap = Runtime.getRuntime().maxMemory();
            String command = String.join(" ", args);
            throw new CliFailure(ExitCode.OUT_OF_MEMORY, tableCells > 0
                    ? HeapAdvice.tableMessage(stage, tableCells, maxHeap, command)
                    : tableCheckCells > 0 ? HeapAdvice.tableCheckMessage(stage, tableCheckCells, maxHeap, command)
                    : HeapAdvice.message(stage, rows, columns, maxHeap, command), e);
        }
    }

    /** The machine, programs and input the options name. */
    Job<?, ?> job() {
        return input.job();
    }

    /** The command's work on {@code job}; returns the exit code. */
    abstract <W extends Word<W>, P> int execute(Job<W, P> job);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Runs the job's programs on a new machine that reads the job's input and advice; a failing
     * instruction is the user's error (exit 1).
     */
    <W extends Word<W>, P> MachineRun<W> runPrograms(Job<W, P> job) {
        stage = "running the program";
        try {
            return job.machine().execute(job.runs(), job.input(), job.advice());
        } catch (VmException e) {
            throw new CliFailure(ExitCode.PROGRAM_FAILED, job.description() + " failed on " + job.machine().name()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The whole circuit of the job's runs, noting the shape of the run's witness if there is a run. */
    <W extends Word<W>, P> MachineCircuit<W> circuit(Job<W, P> job, MachineRun<W> run, String nextStage) {
        stage = "building the circuit";
        MachineCircuit<W> circuit;
        try {
            circuit = job.machine().circuit(job.runs());
        } catch (UnconstrainableBodyException e) {
            throw new CliFailure(ExitCode.CHECK_FAILED, "the circuit of " + job.machine().name() + " cannot be built: "
                    + e.getMessage(), e);
        }
        if (run != null) {
            // The witness's shape, for the heap a proof of it needs (a verifier needs far less).
            rows = circuit.rowsFor((int) Math.min(Integer.MAX_VALUE, Math.max(run.trace().size(), run.totalSteps())));
            columns = circuit.system().columns().size();
        }
        stage = nextStage;
        return circuit;
    }

    /**
     * Proves the run on tables; a trace the circuit refuses is a failed check (exit 3). Its tables'
     * cells are noted first, for the heap advice if the heap runs out.
     */
    <W extends Word<W>, P> TableProof proveOnTables(Job<W, P> job, MachineRun<W> run, MachineCircuit<W> circuit,
            StarkConfig config, boolean zeroKnowledge) {
        int read = run.streams().input().size();
        if (read < job.input().size()) {
            throw new CliFailure(ExitCode.USAGE, job.description() + " read " + read + " of the " + job.input().size()
                    + " public input words; a proof states exactly the input a run reads, so give it those words only");
        }
        tableCells = circuit.tableHeights(run.trace()).cells();
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (HeapAdvice.tableProofCannotFit(tableCells, maxHeap)) {
            throw new CliFailure(ExitCode.OUT_OF_MEMORY, HeapAdvice.tableShortfall(tableCells, maxHeap,
                    String.join(" ", spec.commandLine().getParseResult().originalArgs())));
        }
        try {
            return circuit.proveTables(run.trace(), job.machine()::mnemonicOf, config, zeroKnowledge);
        } catch (UnsatisfiedTraceException e) {
            throw new CliFailure(ExitCode.CHECK_FAILED, e.getMessage(), e);
        }
    }

    /** Prints which machine and program, and the steps. */
    <W extends Word<W>> void printHeader(Job<W, ?> job, MachineRun<W> run) {
        PrintWriter out = out();
        out.println("machine:    " + job.machineLine());
        out.println("program:    " + job.description());
        if (run == null) {
            return;
        }
        out.println("steps:      " + run.totalSteps());
    }

    /**
     * Prints the output words; for a bundled program also the machine's result against Java's, and
     * for a program file the registers and the stack. Returns the verdict, null for a program file.
     */
    BundledReference.Verdict printResult(Job<?, ?> job, MachineRun<?> run) {
        PrintWriter out = out();
        if (job.bundled() != null || !run.output().isEmpty()) {
            out.println("output:     " + outputLine(run.output()));
        }
        if (job.bundled() == null) {
            List<String> registers = new ArrayList<>();
            for (Reg r : job.machine().registers()) {
                registers.add(r.name() + "=" + run.register(r).toBigInteger());
            }
            out.println("registers:  " + (registers.isEmpty() ? "(none)" : String.join(" ", registers)));
            List<String> stack = new ArrayList<>();
            run.stack().forEach(w -> stack.add(w.toBigInteger().toString()));
            out.println("stack:      [" + String.join(" ", stack) + "] (bottom first)");
            return null;
        }
        Job.Bundled b = job.bundled();
        BundledReference.Verdict verdict = BundledReference.compare(b.name(), b.input(), b.advice(),
                BundledReference.actual(run));
        out.println("result:     " + verdict.text());
        return verdict;
    }

    /** The output words in order, the first {@value #OUTPUT_SHOWN} of a longer output and a count. */
    static String outputLine(List<? extends Word<?>> output) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(OUTPUT_SHOWN, output.size()); i++) {
            shown.add(output.get(i).toBigInteger().toString());
        }
        String more = output.size() > OUTPUT_SHOWN ? " ... (" + output.size() + " words)" : "";
        return "[" + String.join(" ", shown) + more + "]";
    }

    /**
     * Checks the run against the circuit and prints the verdict; returns the exit code. The records
     * are checked first, then the circuit exactly on tables (each table's constraints on its own
     * rows, every bus as a multiset, as tall as the run's work); a trace that fails is checked again
     * by the one-table checker, whose report names every broken constraint with its records.
     */
    <W extends Word<W>, P> int check(Job<W, P> job, MachineRun<W> run) {
        PrintWriter out = out();
        long start = System.nanoTime();
        MachineCircuit<W> circuit = circuit(job, run, "checking the trace");
        CheckReport records = circuit.checkRecords(run.trace(), job.machine()::mnemonicOf);
        if (records.isSatisfied() && circuit.provesOnTables()) {
            long cells = circuit.tableHeights(run.trace()).cells();
            long maxHeap = Runtime.getRuntime().maxMemory();
            if (HeapAdvice.tableCheckCannotFit(cells, maxHeap)) {
                throw new CliFailure(ExitCode.OUT_OF_MEMORY, HeapAdvice.tableCheckShortfall(cells, maxHeap,
                        String.join(" ", spec.commandLine().getParseResult().originalArgs())));
            }
            tableCheckCells = cells;
            TableSystemReport exact = circuit.checkTables(run.trace());
            tableCheckCells = 0;
            if (exact.isSatisfied()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                out.println("check:      satisfied: every step of " + job.description() + ", its input and output,"
                        + " and memory consistency: " + circuit.system().constraints().size() + " constraints on "
                        + exact.heights().size() + " tables " + exact.heights() + ", " + exact.interactions()
                        + " bus interactions, checked exactly (" + millis + " ms)");
                return ExitCode.OK;
            }
        }
        CheckReport report = circuit.check(run.trace(), job.machine()::mnemonicOf);
        out.println("check:      FAILED");
        out.println(report.isSatisfied() ? "the exact check on tables fails where the one-table check holds; please"
                + " report this" : report);
        return ExitCode.CHECK_FAILED;
    }
}
