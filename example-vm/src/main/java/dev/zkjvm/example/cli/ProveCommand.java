package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Word;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zkvm prove <program>}: runs a program and proves the run with a STARK. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Runs a program and writes a STARK proof of the run (every step and memory consistency)."
                + " The proof is over tables, each as tall as"
                + " its own work, and zero-knowledge unless --plain (or --one-table) is given.")
final class ProveCommand extends MachineCommand {
    @Option(names = {"-o", "--proof"}, paramLabel = "FILE", description = "proof file (default: <program>.proof)")
    Path proofFile;

    @Option(names = "--output", paramLabel = "FILE", description = "where to write the run's output words, which the"
            + " proof states (default: the proof file's name with .output for .proof)")
    Path outputFile;

    @Option(names = "--plain", description = "no zero knowledge: a deterministic, slightly smaller and faster proof"
            + " that does not hide the trace")
    boolean plain;

    @Option(names = "--one-table", description = "the one-table STARK: every column on every row of at least 2^16"
            + " rows (much slower and larger, and never zero-knowledge; its provable security level is computed)")
    boolean oneTable;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--segment-steps", paramLabel = "N", description = "cut the run into segments of N steps, each"
            + " proven on its own (as Apache Spark tasks when zkvm-spark.jar runs this), chained into one proof of"
            + " the whole run; for runs longer than one proof holds")
    Long segmentSteps;

    @Option(names = "--master", paramLabel = "URL", description = "with --segment-steps: the Spark master to prove"
            + " the segments on, e.g. local[2] or spark://host:7077 (default: Spark's local mode on every core when"
            + " zkvm-spark.jar runs this, else this JVM's own threads)")
    String master;

    @Mixin
    ParametersOption parameters;

    @Override
    <W extends Word<W>, P> int execute(Job<W, P> job) {
        PrintWriter out = out();
        PrintWriter err = spec.commandLine().getErr();
        StarkConfig config = parameters.config();
        if (config == null) {
            throw new CliFailure(ExitCode.USAGE, parameters.unknown());
        }
        if (segmentSteps != null) {
            if (oneTable) {
                throw new CliFailure(ExitCode.USAGE, "--segment-steps proves on tables; it cannot be combined with"
                        + " --one-table");
            }
            stage = "proving in segments";
            return SegmentedProving.prove(this, job, segmentSteps, master, config, !plain, quiet);
        }
        if (master != null) {
            throw new CliFailure(ExitCode.USAGE, "--master names where segments are proven; give --segment-steps too");
        }
        MachineRun<W> run = runPrograms(job);
        MachineCircuit<W> circuit = circuit(job, run, "proving");
        if (!oneTable) {
            return proveOnTables(job, run, circuit, config);
        }
        if (!circuit.system().publicSends().isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, job.machine().name() + " has instructions that read input or write"
                    + " output, and a one-table proof cannot state them; prove on tables (without --one-table)");
        }
        ProgressBar bar = quiet ? null : new ProgressBar(err, System.console() != null);
        long start = System.nanoTime();
        StarkProof proof;
        try {
            proof = circuit.prove(run.trace(), job.machine()::mnemonicOf, config,
                    bar == null ? ProofProgress.SILENT : bar);
        } catch (UnsatisfiedTraceException e) {
            throw new CliFailure(ExitCode.CHECK_FAILED, e.getMessage(), e);
        }
        if (bar != null) {
            bar.done();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        byte[] bytes = proof.toBytes();
        Path file = write(job, bytes);
        WordsFile.write(outputFile != null ? outputFile : ProofFiles.outputFileOf(file), run.output());
        printHeader(job, run);
        out.println("trace size: " + run.trace().size() + " memory operations, 2^" + proof.logRows()
                + " rows of " + circuit.system().columns().size() + " columns");
        out.println("proof:      " + file + ", " + bytes.length + " bytes, plain (the one-table STARK does not hide"
                + " the trace), proven in " + millis + " ms");
        out.println(ParametersOption.securityLine(config, circuit.system(), proof.logRows()));
        out.flush();
        return ExitCode.OK;
    }

    private <W extends Word<W>, P> int proveOnTables(Job<W, P> job, MachineRun<W> run, MachineCircuit<W> circuit,
            StarkConfig config) {
        PrintWriter out = out();
        long start = System.nanoTime();
        TableProof proof = proveOnTables(job, run, circuit, config, !plain);
        long millis = (System.nanoTime() - start) / 1_000_000;
        byte[] bytes = proof.toBytes();
        Path file = write(job, bytes);
        Path outputs = outputFile != null ? outputFile : ProofFiles.outputFileOf(file);
        WordsFile.write(outputs, run.output());
        printHeader(job, run);
        out.println("output:     " + outputLine(run.output()) + " (written to " + outputs + ")");
        out.println("trace size: " + run.trace().size() + " memory operations");
        out.println("tables:     " + ProofFiles.describeTables(circuit, proof));
        out.println("proof:      " + file + ", " + bytes.length + " bytes, " + (proof.zeroKnowledge() ? "zero-knowledge"
                : "plain") + ", proven in " + millis + " ms");
        out.println(ProofFiles.tableSecurityLine(config, circuit, proof));
        out.flush();
        return ExitCode.OK;
    }

    /** Writes the proof to the output file (by default the program's proof name); returns the path. */
    private Path write(Job<?, ?> job, byte[] bytes) {
        Path file = proofFile != null ? proofFile : Path.of(job.proofName());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot write proof file " + file + ": " + e, e);
        }
        return file;
    }
}
