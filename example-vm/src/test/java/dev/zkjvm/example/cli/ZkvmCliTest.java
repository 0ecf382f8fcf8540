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
}
