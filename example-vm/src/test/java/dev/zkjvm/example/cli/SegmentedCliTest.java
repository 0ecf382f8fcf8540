package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zkvm prove --segment-steps} and {@code zkvm verify} of the segmented proof it writes. */
@Tag("slow")
class SegmentedCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = ZkvmCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void provesInSegmentsWithProgressAndVerifiesTheChain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fib.proof");
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "--segment-steps", "40", "-o", file.toString()));
        String text = out.toString();
        assertTrue(text.contains("steps:      119"), text);
        assertTrue(text.contains("output:     [144]"), text);
        assertTrue(text.contains("segments:   3 of at most 40 steps, proven on "), text);
        assertTrue(text.contains("zero-knowledge segments"), text);
        for (int k = 1; k <= 3; k++) {
            assertTrue(err.toString().contains("segment " + k + "/3 proven in "), err.toString());
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", "fibonacci", "--n", "12", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        assertTrue(out.toString().contains("segments:   3 of at most 40 steps, chained"), out.toString());
        // another input or another output is refused
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", "fibonacci", "--n", "13", "-i", file.toString()));
        Path claimed = Files.writeString(dir.resolve("claimed.output"), "145\n");
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", "fibonacci", "--n", "12", "-i", file.toString(),
                "--output", claimed.toString()));
        // a cut file is refused
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", "fibonacci", "--n", "12", "-i", file.toString()));
    }

    @Test
    void segmentOptionsThatCannotBeHonouredAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run("prove", "fibonacci", "--segment-steps", "0"));
        assertEquals(ExitCode.USAGE, run("prove", "fibonacci", "--segment-steps", "10", "--one-table"));
        assertEquals(ExitCode.USAGE, run("prove", "fibonacci", "--master", "local[2]"));
        assertTrue(err.toString().contains("give --segment-steps too"), err.toString());
    }
}
