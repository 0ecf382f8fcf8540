package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineCircuit;
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
        description = "Verifies a proof of a run of the program (for a bundled program, with the given input);"
                + " runs nothing.")
final class VerifyCommand extends MachineCommand {
    @Option(names = {"-i", "--proof"}, description = "proof file (default: <program>.proof)")
    Path proofFile;

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
        long start = System.nanoTime();
        MachineCircuit<W> circuit = circuit(job, null, "verifying");
        String security;
        try {
            if (ProofFiles.isTableProof(bytes)) {
                TableProof proof = TableProof.fromBytes(bytes);
                circuit.verifyTables(proof, config);
                security = ProofFiles.tableSecurityLine(config, circuit, proof);
            } else {
                StarkProof proof = StarkProof.fromBytes(bytes);
                circuit.verify(proof, config);
                security = ParametersOption.securityLine(config, circuit.system(), proof.logRows());
            }
        } catch (InvalidProofException e) {
            out.println("verify:     REJECTED: " + e.getMessage());
            out.flush();
            return ExitCode.PROOF_REJECTED;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("verify:     valid: " + file + " (" + bytes.length + " bytes) proves a run of " + job.description()
                + " on " + job.machine().name() + " (" + millis + " ms, verifying key derived from the program"
                + " included)");
        out.println(security);
        out.flush();
        return ExitCode.OK;
    }
}
