package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.machine.segment.SegmentedProof;
import dev.zkjvm.circuit.machine.segment.SegmentedVerifier;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Word;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code zkvm verify <program>}: checks a proof against the program (and a bundled program's
 * input), without running anything.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies a proof that the program, on the public input, wrote the claimed output (for some"
                + " advice, which the verifier never sees); runs nothing.")
final class VerifyCommand extends MachineCommand {
    @Option(names = {"-i", "--proof"}, description = "proof file (default: <program>.proof)")
    Path proofFile;

    @Option(names = "--output", paramLabel = "FILE", description = "the claimed output words (default: the file"
            + " `prove` wrote beside the proof, its name with .output for .proof)")
    Path outputFile;

    @Mixin
    ParametersOption parameters;

    @Override
    <W extends Word<W>, P> int execute(Job<W, P> job) {
        PrintWriter out = out();
        StarkConfig config = parameters.config();
        if (config == null) {
            throw new CliFailure(ExitCode.USAGE, parameters.unknown());
        }
        Path file = proofFile != null ? proofFile : Path.of(job.proofName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "no proof file " + file + "; make one with `zkvm prove "
                    + input.program + "`", e);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot read proof file " + file + ": " + e, e);
        }
        if (input.adviceFile != null) {
            throw new CliFailure(ExitCode.USAGE, "a verifier takes no advice: the private input stays with the prover"
                    + " (give the public input with --input and the claimed output with --output)");
        }
        Path outputs = outputFile != null ? outputFile : ProofFiles.outputFileOf(file);
        if (outputFile == null && !Files.exists(outputs)) {
            throw new CliFailure(ExitCode.IO_ERROR, "no output file " + outputs + " beside the proof; give the claimed"
                    + " output with --output FILE (an empty file claims no output)");
        }
        Statement<W> statement = new Statement<>(job.input(), WordsFile.read(outputs, job.machine().wordType()));
        long start = System.nanoTime();
        MachineCircuit<W> circuit = circuit(job, null, "verifying");
        String security;
        try {
            if (ProofFiles.isSegmentedProof(bytes)) {
                SegmentedProof proof = SegmentedProof.fromBytes(bytes);
                SegmentedVerifier.verify(circuit, job.machine().name(), proof, statement, config);
                security = "segments:   " + proof.segments().size() + " of at most " + proof.segmentSteps()
                        + " steps, chained; each proof on tables with the parameters given";
            } else if (ProofFiles.isTableProof(bytes)) {
                TableProof proof = TableProof.fromBytes(bytes);
                circuit.verifyTables(proof, config, statement);
                security = ProofFiles.tableSecurityLine(config, circuit, proof);
            } else {
                if (!statement.input().isEmpty() || !statement.output().isEmpty()) {
                    throw new InvalidProofException("a one-table proof states no input or output, and the statement"
                            + " claims " + statement.input().size() + " input and " + statement.output().size()
                            + " output words");
                }
                StarkProof proof = StarkProof.fromBytes(bytes);
                circuit.verify(proof, config);
                security = ParametersOption.securityLine(config, circuit.system(), proof.logRows());
            }
        } catch (InvalidProofException e) {
            out.println("verify:     REJECTED: " + e.getMessage());
            out.println("statement:  input " + outputLine(statement.input()) + ", output "
                    + outputLine(statement.output()) + " (" + outputs + "); a proof verifies only for the program,"
                    + " input and output it was made for");
            out.flush();
            return ExitCode.PROOF_REJECTED;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("verify:     valid: " + file + " (" + bytes.length + " bytes) proves a run of " + job.description()
                + " on " + job.machine().name() + " (" + millis + " ms, verifying key derived from the program"
                + " included)");
        out.println("statement:  input " + outputLine(statement.input()) + ", output " + outputLine(statement.output())
                + " (" + outputs + ")");
        out.println(security);
        out.flush();
        return ExitCode.OK;
    }
}
