package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.segment.LocalSegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunner;
import dev.zkjvm.circuit.machine.segment.SegmentRunnerFactory;
import dev.zkjvm.circuit.machine.segment.SegmentWorkException;
import dev.zkjvm.circuit.machine.segment.SegmentedProver;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.runtime.VmException;
import dev.zkjvm.runtime.Word;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * {@code zkvm prove --segment-steps N}: the run cut into segments, each proven as a task on a
 * cluster engine found on the class path (Apache Spark: its embedded local mode unless
 * {@code --master} names another), or on this JVM's threads when there is none.
 */
final class SegmentedProving {
    private SegmentedProving() {
    }

    /** The runner for {@code master}: the first engine on the class path, else local threads. */
    static SegmentRunner runner(String master, PrintWriter err) {
        for (SegmentRunnerFactory f : ServiceLoader.load(SegmentRunnerFactory.class)) {
            return f.create(master);
        }
        if (master != null) {
            throw new CliFailure(ExitCode.USAGE, "--master " + master + " needs a cluster engine on the class path,"
                    + " and there is none; run `java -jar spark/target/zkvm-spark.jar` (the zkvm command with Apache"
                    + " Spark) instead of zkvm.jar");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        err.println("segments:   no cluster engine on the class path (zkvm-spark.jar has Apache Spark); proving on "
                + threads + " local threads");
        return new LocalSegmentRunner(threads);
    }

    static <W extends Word<W>, P> int prove(ProveCommand command, Job<W, P> job, long segmentSteps, String master,
            StarkConfig config, boolean zeroKnowledge, boolean quiet) {
        PrintWriter out = command.out();
        PrintWriter err = command.spec.commandLine().getErr();
        if (segmentSteps < 1) {
            throw new CliFailure(ExitCode.USAGE, "--segment-steps must be at least 1, not " + segmentSteps);
        }
        long start = System.nanoTime();
        SegmentedProver.Outcome<W> outcome;
        String engine;
        try (SegmentRunner runner = runner(master, err)) {
            engine = runner.describe();
            SegmentedProver.Listener listener = quiet ? SegmentedProver.Listener.NONE : new SegmentedProver.Listener() {
                @Override
                public void executed(long steps, int segments, long millis) {
                    err.println("executed:   " + steps + " steps in " + millis + " ms, " + segments + " segments of at"
                            + " most " + segmentSteps + " steps; proving on " + engine);
                    err.flush();
                }

                @Override
                public void proven(int index, int segments, long millis) {
                    err.println("segment " + (index + 1) + "/" + segments + " proven in " + millis + " ms");
                    err.flush();
                }
            };
            outcome = SegmentedProver.prove(job.machine(), job.sources(), job.input(), job.advice(), segmentSteps, config,
                    zeroKnowledge, runner, listener);
        } catch (VmException e) {
            throw new CliFailure(ExitCode.PROGRAM_FAILED, job.description() + " failed on " + job.machine().name()
                    + ": " + e.getMessage(), e);
        } catch (SegmentWorkException e) {
            throw new CliFailure(ExitCode.CHECK_FAILED, "a segment could not be proven: " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int read = outcome.statement().input().size();
        if (read < job.input().size()) {
            throw new CliFailure(ExitCode.USAGE, job.description() + " read " + read + " of the " + job.input().size()
                    + " public input words; a proof states exactly the input a run reads, so give it those words only");
        }
        byte[] bytes = outcome.proof().toBytes();
        Path file = command.proofFile != null ? command.proofFile : Path.of(job.proofName());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot write proof file " + file + ": " + e, e);
        }
        Path outputs = command.outputFile != null ? command.outputFile : ProofFiles.outputFileOf(file);
        WordsFile.write(outputs, outcome.statement().output());
        int segments = outcome.proof().segments().size();
        out.println("machine:    " + job.machineLine());
        out.println("program:    " + job.description());
        out.println("steps:      " + outcome.steps());
        out.println("output:     " + MachineCommand.outputLine(outcome.statement().output()) + " (written to " + outputs
                + ")");
        out.println("segments:   " + segments + " of at most " + segmentSteps + " steps, proven on " + engine);
        out.println("proof:      " + file + ", " + bytes.length + " bytes (" + bytes.length / segments + " a segment), "
                + (zeroKnowledge ? "zero-knowledge segments" : "plain") + "; the words in the cells at each"
                + " segment's boundary are stated; proven in " + millis + " ms");
        out.flush();
        return ExitCode.OK;
    }
}
