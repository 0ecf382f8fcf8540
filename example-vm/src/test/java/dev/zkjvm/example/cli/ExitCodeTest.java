package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The exit codes that an honest command line cannot provoke from its options alone. */
@Tag("slow")
class ExitCodeTest {
    /**
     * A forged job (test code only): the machine reads one array, while the comparison is told another.
     * The machine's sorted output then differs from Java's sort of the input it was told about.
     */
    @Test
    void aResultThatDiffersFromJavaExitsWithThree() {
        List<U64> read = List.of(U64.of(3), U64.of(5), U64.of(1), U64.of(4));
        long[] claimed = {3, 5, 1, 3};
        Job<?, ?> forged = new Job<>(new Cpu64Descriptor(), List.of(Programs.program("bubble_sort")),
                List.of(Programs.source("bubble_sort")), read, List.of(),
                "bubble_sort of 3 words", "x.proof", new Job.Bundled("bubble_sort", claimed, new long[0]));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand() {
            @Override
            Job<?, ?> job() {
                return forged;
            }
        });
        cli.setOut(new PrintWriter(out));
        assertEquals(ExitCode.CHECK_FAILED, cli.execute("bubble_sort", "--no-check"));
        assertTrue(out.toString().contains("result:     sorted 3 words: DIFFERS from Java's Arrays.sort in unsigned"
                + " order at index 1 (machine 4, Java 3)"), out.toString());
    }

    /** A real out-of-memory in a JVM with a small heap, turned into advice. */
    @Test
    void runningOutOfHeapExitsWithSixAndSaysHowMuchToGive(@TempDir Path dir)
            throws IOException, InterruptedException {
        // the one-table STARK, on a machine without streams (Cpu64's input and output need tables)
        Path program = Files.writeString(dir.resolve("calc.asm"), "push 20\npush 22\nadd\nstore\n");
        String err = proveIn96MiB(dir, List.of("--machine=dev.zkjvm.example.Calculator", program.toString()),
                "--one-table");
        assertTrue(err.startsWith("out of memory while proving: this JVM may use "), err);
        assertTrue(err.contains("A proof of 65536 rows x "), err);
        assertTrue(err.contains("Give it more, e.g.: java -Xmx"), err);
        assertTrue(err.contains("g -jar zkvm.jar prove --machine=dev.zkjvm.example.Calculator " + program
                + " --one-table --quiet -o "), err);
    }

    /** The same on tables: the advice counts the own tables' cells and the preprocessed tables' keys. */
    @Test
    void runningOutOfHeapOnTablesCountsTheMainTable(@TempDir Path dir) throws IOException, InterruptedException {
        String err = proveIn96MiB(dir, List.of("fibonacci", "--n", "5"));
        // a 128 x 34 log table and execution tables of 64 x 51 and 8 x 19 (fibonacci's instructions only; a
        // run this short checks its ranges as bytes, a high-byte column per range check): far more than
        // 96 MiB, so the proof is refused before it starts rather than left to collect for minutes
        assertTrue(err.startsWith("not enough heap to prove: this JVM may use 0.1 GiB of heap (-Xmx)."), err);
        assertTrue(err.contains("A proof on tables whose own tables hold 7768 cells (rows x columns) needs about"
                + " 0.3 GiB"), err);
        assertTrue(err.contains("Give it more, e.g.: java -Xmx1g -jar zkvm.jar prove fibonacci --n 5 --quiet -o "),
                err);
    }

    /**
     * `run` checks on tables: a check whose tables would need far more than the heap is refused
     * before it starts, with the advice counting the tables' cells at the check's own cost (not a
     * proof's, nor the one-table witness's).
     */
    @Test
    void checkingOnTablesWithTooLittleHeapCountsTheTablesCells(@TempDir Path dir)
            throws IOException, InterruptedException {
        String err = in96MiB(dir, List.of("run", "fibonacci", "--n", "3000"));
        assertTrue(err.startsWith("not enough heap to check the trace: this JVM may use 0.1 GiB of heap (-Xmx)."), err);
        // a 2^16 x 26 log table and execution tables of 2^15 x 47 and 8 x 19
        assertTrue(err.contains("The exact check on tables whose own tables hold 3244184 cells (rows x columns) needs"
                + " about 0.6 GiB (measured: about 100 bytes per cell while checking, plus 256 MiB)."), err);
        assertTrue(err.contains("Give it more, e.g.: java -Xmx1g -jar zkvm.jar run fibonacci --n 3000"), err);
    }

    /** Runs {@code zkvm prove <job> [options] --quiet} in a JVM of 96 MiB; expects exit 6, returns stderr. */
    private static String proveIn96MiB(Path dir, List<String> job, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("prove"));
        command.addAll(job);
        command.addAll(List.of(options));
        command.addAll(List.of("--quiet", "-o", dir.resolve("f.proof").toString()));
        return in96MiB(dir, command);
    }

    /** Runs {@code zkvm <arguments>} in a JVM of 96 MiB; expects exit 6, returns stderr. */
    private static String in96MiB(Path dir, List<String> arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                ZkvmCli.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "zkvm finished");
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(ExitCode.OUT_OF_MEMORY, process.exitValue(), err);
        return err;
    }
}
