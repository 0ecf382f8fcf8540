package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Word;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zkvm run <program>}: runs a program and prints its result, steps, trace size and check. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a program on a machine and prints its result (a bundled program's is compared with the"
                + " same computation in Java), the steps, the trace size and the verdict of checking the trace;"
                + " with --prove, also proves the run and verifies the proof.")
class RunCommand extends MachineCommand {
    @Option(names = "--no-check", negatable = true, defaultValue = "true",
            description = "check the trace against the machine's circuit (default: on)")
    boolean check;

    @Option(names = "--prove", description = "also prove the run on tables in zero knowledge (default parameters)"
            + " and verify the proof from its bytes and the program alone; seconds for a small run (`prove` writes"
            + " proof files)")
    boolean prove;

    @Option(names = "--output", paramLabel = "FILE", description = "also write the run's output words to FILE, one"
            + " per line")
    java.nio.file.Path outputFile;

    @Override
    <W extends Word<W>, P> int execute(Job<W, P> job) {
        MachineRun<W> run = runPrograms(job);
        printHeader(job, run);
        BundledReference.Verdict verdict = printResult(job, run);
        if (outputFile != null) {
            WordsFile.write(outputFile, run.output());
        }
        out().println("trace size: " + run.trace().size() + " memory operations");
        int code = check ? check(job, run) : ExitCode.OK;
        if (code == ExitCode.OK && prove) {
            code = proveAndVerify(job, run);
        }
        out().flush();
        if (code == ExitCode.OK && verdict != null && !verdict.matches()) {
            return ExitCode.CHECK_FAILED;
        }
        return code;
    }

    /** Proves the run on tables, then verifies the proof read back from its bytes. */
    private <W extends Word<W>, P> int proveAndVerify(Job<W, P> job, MachineRun<W> run) {
        PrintWriter out = out();
        StarkConfig config = StarkConfig.DEFAULT;
        MachineCircuit<W> circuit = circuit(job, run, "proving");
        long start = System.nanoTime();
        TableProof proof = proveOnTables(job, run, circuit, config, true);
        long proveMillis = (System.nanoTime() - start) / 1_000_000;
        byte[] bytes = proof.toBytes();
        out.println("proof:      " + bytes.length + " bytes, zero-knowledge, proven in " + proveMillis + " ms on tables: "
                + ProofFiles.describeTables(circuit, proof));
        start = System.nanoTime();
        try {
            circuit.verifyTables(TableProof.fromBytes(bytes), config, Statement.of(run.trace()));
        } catch (InvalidProofException e) {
            out.println("verify:     REJECTED: " + e.getMessage());
            return ExitCode.PROOF_REJECTED;
        }
        long verifyMillis = (System.nanoTime() - start) / 1_000_000;
        out.println("verify:     valid: the proof's bytes, checked against the program, the input and the output"
                + " alone (" + verifyMillis + " ms)");
        out.println(ProofFiles.tableSecurityLine(config, circuit, proof));
        return ExitCode.OK;
    }
}
