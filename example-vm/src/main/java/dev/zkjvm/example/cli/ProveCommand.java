package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.VmException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zkvm prove <program>}: runs a bundled program and proves the run with a STARK. */
@Command(name = "prove", description = "Runs a bundled program on Cpu64 and writes a STARK proof of the run "
        + "(loader and program, every step and memory consistency).")
final class ProveCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgramInput input;

    @Option(names = {"-o", "--output"}, description = "proof file (default: <program>.proof)")
    Path output;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Mixin
    ParametersOption parameters;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.name() == null) {
            err.println(ProgramInput.unknown(input.program));
            return 2;
        }
        StarkConfig config = parameters.config();
        if (config == null) {
            err.println(parameters.unknown());
            return 2;
        }
        var outcome = runOrReport(err);
        if (outcome == null) {
            return 1;
        }
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(outcome.runs());
        ProgressBar bar = quiet ? null : new ProgressBar(err, System.console() != null);
        long start = System.nanoTime();
        StarkProof proof;
        try {
            proof = circuit.prove(outcome.machine().trace(), Cpu64Trace::mnemonicOf, config,
                    bar == null ? ProofProgress.SILENT : bar);
        } catch (UnsatisfiedTraceException e) {
            err.println(e.getMessage());
            return 3;
        }
        if (bar != null) {
            bar.done();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        byte[] bytes = proof.toBytes();
        Path file = output != null ? output : Path.of(input.name() + ".proof");
        Files.write(file, bytes);
        out.println("machine:    Cpu64 (64-bit words, generated from dev.zkjvm.example.Cpu64)");
        out.println("program:    " + input.describe());
        out.println("steps:      " + outcome.programSteps() + " (+" + outcome.loaderSteps() + " to load the input)");
        out.println("trace size: " + outcome.machine().trace().size() + " memory operations, 2^" + proof.logRows()
                + " rows of " + circuit.system().columns().size() + " columns");
        out.println("proof:      " + file + ", " + bytes.length + " bytes, proven in " + millis + " ms");
        out.println(ParametersOption.securityLine(config, circuit.system(), proof.logRows()));
        out.flush();
        return 0;
    }

    private dev.zkjvm.example.Programs.Outcome runOrReport(PrintWriter err) {
        try {
            return input.run();
        } catch (VmException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
