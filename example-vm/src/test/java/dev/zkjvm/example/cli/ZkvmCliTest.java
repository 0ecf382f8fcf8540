package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ZkvmCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ZkvmCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void runsFibonacciAndPrintsResultStepsAndTraceSize() {
        assertEquals(0, run("run", "fibonacci", "--n", "10"));
        String text = out.toString();
        assertTrue(text.contains("result:     fib(10) = 55"), text);
        assertTrue(text.contains("steps:      97 "), text);
        assertTrue(text.contains("trace size: 192 memory operations"), text);
        assertTrue(text.contains("check:      satisfied: "), text);
    }

    @Test
    void bubbleSortMatchesJava() {
        assertEquals(0, run("run", "bubble-sort", "--size", "50", "--seed", "7"));
        assertTrue(out.toString().contains("sorted 50 words (matches Java's sort)"), out.toString());
    }

    @Test
    void checkCanBeSkipped() {
        assertEquals(0, run("run", "factorial", "--n", "5", "--no-check"));
        assertTrue(!out.toString().contains("check:"), out.toString());
    }

    @Test
    void unknownProgramIsAnError() {
        assertEquals(2, run("run", "nope"));
        assertTrue(err.toString().contains("unknown program `nope`"), err.toString());
    }

    @Test
    void listsPrograms() {
        assertEquals(0, run("list"));
        assertTrue(out.toString().contains("bubble_sort"));
    }

    @Test
    void provesARunAndVerifiesTheProofWithoutRunning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("fib.proof");
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "-o", file.toString()));
        String text = out.toString();
        assertTrue(text.contains("proof:      " + file), text);
        // 2^16 rows under the default parameters: the Johnson bound's best m gives 58.5 provable bits
        assertTrue(text.contains("security:   100 bits conjectured, 58 bits provable (Johnson bound)"), text);
        assertTrue(err.toString().contains("proving [########################] 8/8 done"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", "fibonacci", "--n", "12", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        assertTrue(out.toString().contains("security:   100 bits conjectured, 58 bits provable"), out.toString());
        out.getBuffer().setLength(0);
        // the same proof is not a proof of another input
        assertEquals(4, run("verify", "fibonacci", "--n", "13", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     REJECTED: "), out.toString());
    }

    @Test
    void theProvablePresetReaches100ProvableBitsAndNeedsTheSameParametersToVerify(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("fib.proof");
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "--params", "provable-100", "--quiet", "-o",
                file.toString()));
        // 20 grinding bits + 97 queries · -log2((1 + ρ⁺)/2), ρ⁺ = (2^16 + 2)/2^19: 100.5 bits
        assertTrue(out.toString().contains("bits provable (unique decoding); blowup 8, 97 queries"), out.toString());
        assertTrue(out.toString().contains(" 100 bits provable"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", "fibonacci", "--n", "12", "--params", "provable-100", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(4, run("verify", "fibonacci", "--n", "12", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     REJECTED: proof was made with"), out.toString());
        assertEquals(2, run("prove", "fibonacci", "--params", "strong"));
        assertTrue(err.toString().contains("unknown parameters `strong`"), err.toString());
    }

    @Test
    void verifyingAMissingProofIsAClearError() {
        assertEquals(2, run("verify", "fibonacci", "-i", "/nonexistent/x.proof"));
        assertTrue(err.toString().contains("no proof file /nonexistent/x.proof"), err.toString());
    }
}
