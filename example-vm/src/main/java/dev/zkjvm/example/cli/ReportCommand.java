package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.circuit.machine.report.TraceReport;
import dev.zkjvm.runtime.Word;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zkvm report <program>}: runs and checks a program and writes its trace report page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Runs a program, checks its trace and writes one self-contained HTML page: the listing with"
                + " execution counts, memory accesses over time by section, stack depth, and every failing"
                + " constraint at its step. Exits with the check's status.")
final class ReportCommand extends MachineCommand {
    @Option(names = {"-o", "--page"}, paramLabel = "FILE", description = "page file (default: <program>.html)")
    Path output;

    @Override
    <W extends Word<W>, P> int execute(Job<W, P> job) {
        PrintWriter out = out();
        MachineRun<W> run = runPrograms(job);
        MachineCircuit<W> circuit = circuit(job, run, "checking the trace");
        CheckReport report = circuit.check(run.trace(), job.machine()::mnemonicOf);
        String name = job.proofName().endsWith(".proof")
                ? job.proofName().substring(0, job.proofName().length() - ".proof".length()) : job.proofName();
        Path file = output != null ? output : Path.of(name + ".html");
        try {
            TraceReport.of(circuit, run.trace(), report).title("Trace report: " + job.description()).write(file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot write report " + file + ": " + e, e);
        }
        printHeader(job, run);
        out.println("check:      " + (report.isSatisfied() ? "satisfied" : "FAILED, "
                + report.failingConstraintNames().size() + " constraints broken (marked on the page)"));
        out.println("report:     " + file);
        out.flush();
        return report.isSatisfied() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
