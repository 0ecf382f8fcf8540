package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.example.Cpu64Circuit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zkvm verify <program>}: checks a proof against the bundled program and input, without
 * running anything.
 */
@Command(name = "verify", description = "Verifies a proof of a run of a bundled program with the given input; "
        + "runs nothing.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgramInput input;

    @Option(names = {"-i", "--proof"}, description = "proof file (default: <program>.proof)")
    Path proofFile;

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
        Path file = proofFile != null ? proofFile : Path.of(input.name() + ".proof");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("no proof file " + file + "; make one with `zkvm prove " + input.name() + "`");
            return 2;
        }
        long start = System.nanoTime();
        StarkProof proof;
        try {
            proof = StarkProof.fromBytes(bytes);
            Cpu64Circuit.verify(input.runs(), proof, config);
        } catch (InvalidProofException e) {
            out.println("verify:     REJECTED: " + e.getMessage());
            out.flush();
            return 4;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("verify:     valid: " + file + " (" + bytes.length + " bytes) proves a run of " + input.describe()
                + " on Cpu64 (" + millis + " ms, verifying key derived from the program included)");
        out.println(ParametersOption.securityLine(config, Cpu64Circuit.circuit(input.runs()).system(), proof.logRows()));
        out.flush();
        return 0;
    }
}
