package dev.zkjvm.circuit.machine.report;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.exec.ExecutionTable;
import dev.zkjvm.circuit.machine.exec.Replay;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A trace report: one self-contained HTML page that shows what a run did and, for a failed check,
 * where it went wrong. The page holds the program listing with each line's execution count, a plot
 * of the cells accessed against time (reads and writes told apart, the layout's sections shaded),
 * the stack depth over the steps, and every failing constraint the check report lists, placed at
 * its step and record (see {@link FailureLocator}) and linked to its listing line. The plots are
 * drawn by uPlot, whose script the page carries inline; it needs no network and no other file.
 *
 * <p>Large traces are thinned to at most {@link #MAX_RECORD_POINTS} memory points and
 * {@link #MAX_STEP_POINTS} depth points (failing rows are always kept), and the page says so. The
 * same inputs always give the same page.
 *
 * <pre>{@code
 * MachineCircuit<U64> circuit = Cpu64Circuit.circuit(runs);
 * CheckReport check = circuit.check(trace, Cpu64Trace::mnemonicOf);
 * TraceReport.write(circuit, trace, check, Path.of("report.html"));
 * }</pre>
 *
 * @param <W> the machine's word type
 */
public final class TraceReport<W extends Word<W>> {
    /** Most memory records plotted (failing records come on top). */
    public static final int MAX_RECORD_POINTS = 10_000;
    /** Most steps plotted in the stack depth plot (failing steps come on top). */
    public static final int MAX_STEP_POINTS = 10_000;

    private final MachineCircuit<W> circuit;
    private final Trace<W> trace;
    private final CheckReport check;
    private String title;

    private TraceReport(MachineCircuit<W> circuit, Trace<W> trace, CheckReport check) {
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.check = check;
        if (circuit.execution().isEmpty()) {
            throw new IllegalArgumentException("a trace report needs the circuit of a program, with its execution"
                    + " table (MachineCircuit.forProgram, or the generated <Name>Circuit.circuit(runs)); "
                    + circuit.system().name() + " here is the memory circuit only");
        }
        this.title = "Trace report: " + circuit.system().name();
    }

    /**
     * A report of {@code trace} run under {@code circuit}'s program.
     *
     * @param circuit the circuit of the program the trace ran ({@link MachineCircuit#forProgram})
     * @param check   the check of the trace against that circuit, or {@code null} if none was made
     */
    public static <W extends Word<W>> TraceReport<W> of(MachineCircuit<W> circuit, Trace<W> trace, CheckReport check) {
        return new TraceReport<>(circuit, trace, check);
    }

    /**
     * Writes the report of {@code trace} under {@code circuit}'s program, with {@code check}'s
     * failures (or none, if it is {@code null} or satisfied), to {@code out} as UTF-8 HTML.
     */
    public static <W extends Word<W>> void write(MachineCircuit<W> circuit, Trace<W> trace, CheckReport check,
            Path out) throws IOException {
        of(circuit, trace, check).write(out);
    }

    /** Sets the page's title (default: "Trace report: " and the circuit's name). */
    public TraceReport<W> title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** The page. */
    public String html() {
        ExecutionTable<W> execution = circuit.execution().orElseThrow();
        long cap = (trace.size() + 1L) * (execution.program().size() + 1L);
        Replay replay = execution.replay(trace, (int) Math.min(cap, 1 << 28));
        FailureLocator locator = new FailureLocator(replay, trace.size(),
                () -> circuit.witnessBuilder(trace).suppliedColumns()[circuit.memory().sortedTime.index()]);
        ReportData data = new ReportData(circuit.system().name(), circuit.layout(), execution.program(), replay, trace,
                check, locator, MAX_RECORD_POINTS, MAX_STEP_POINTS);
        return new HtmlPage(data, title, MAX_RECORD_POINTS, MAX_STEP_POINTS).render();
    }

    /** Writes the page to {@code out} as UTF-8, replacing the file. */
    public void write(Path out) throws IOException {
        Files.writeString(out, html(), StandardCharsets.UTF_8);
    }
}
