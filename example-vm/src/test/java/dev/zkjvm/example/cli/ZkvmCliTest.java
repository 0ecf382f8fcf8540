package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code zkvm} on the bundled machine: bundled programs, program files, help, version, exit codes. */
@Tag("slow")
class ZkvmCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = ZkvmCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void runsFibonacciAndPrintsResultStepsAndTraceSize() {
        assertEquals(0, run("run", "fibonacci", "--n", "10"));
        String text = out.toString();
        assertTrue(text.contains("result:     fib(10) = 55 (Java computes the same)"), text);
        assertTrue(text.contains("output:     [55]"), text);
        assertTrue(text.lines().anyMatch("steps:      101"::equals), text);
        assertTrue(text.contains("trace size: 195 memory operations"), text);
        assertTrue(text.contains("check:      satisfied: "), text);
    }

    @Test
    void reportWritesOnePageForAProgram(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("fib.html");
        assertEquals(0, run("report", "fibonacci", "--n", "10", "-o", page.toString()));
        assertTrue(out.toString().contains("report:     " + page), out.toString());
        String html = java.nio.file.Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, Math.min(80, html.length())));
        assertTrue(html.contains("uPlot"), "the charting library is inlined");
    }

    @Test
    void bubbleSortIsComparedWithJavasUnsignedSort() {
        assertEquals(0, run("run", "bubble-sort", "--size", "50", "--seed", "7", "--no-check"));
        assertTrue(out.toString().contains("sorted 50 words (matches Java's Arrays.sort in unsigned order)"),
                out.toString());
        assertTrue(out.toString().contains(" ... (50 words)]"), "a long output is cut: " + out);
    }

    @Test
    void hashPreimageHaltsOnItsRandomWordsAndOutputsNothing() {
        assertEquals(0, run("run", "hash_preimage", "--size", "5", "--no-check"));
        String text = out.toString();
        assertTrue(text.contains("output:     []"), text);
        assertTrue(text.lines().anyMatch("steps:      58"::equals), "7 per word + 23: " + text);
        assertTrue(text.contains("the 5 advice words hash to the digest "), text);
        assertTrue(text.contains("the machine halted, and Java's hash agrees (no output)"), text);
    }

    @Test
    void checkCanBeSkipped() {
        assertEquals(0, run("run", "factorial", "--n", "5", "--no-check"));
        assertFalse(out.toString().contains("check:"), out.toString());
    }

    @Test
    void unknownProgramIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("run", "nope"));
        assertTrue(err.toString().contains("unknown program `nope`: no such file, and not a bundled program"),
                err.toString());
    }

    @Test
    void listsProgramsAndMachines() {
        assertEquals(0, run("list"));
        assertTrue(out.toString().contains("bubble_sort"));
        assertEquals(0, run("machines"));
        assertTrue(out.toString().contains("Cpu64         64-bit  dev.zkjvm.example.Cpu64"), out.toString());
        assertTrue(out.toString().contains("Calculator"), out.toString());
    }

    @Test
    void provesARunOnTablesAndVerifiesTheProofWithoutRunning(@TempDir Path dir) {
        Path file = dir.resolve("fib.proof");
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "-o", file.toString()));
        String text = out.toString();
        assertTrue(text.contains("proof:      " + file), text);
        assertTrue(text.contains("bytes, zero-knowledge, proven in "), text);
        // the main table as tall as the run; the byte, range and program tables preprocessed
        // fibonacci's instructions only (no byte table: none of them splits words into bytes), in
        // tables of similar width, each as tall as its own steps (the narrowest also holds the final state);
        // a run this short checks its 16-bit ranges as bytes: a high-byte column per range check
        assertTrue(text.contains("tables:     Cpu64 2^8 x 34, exec.addi-add-jz-jnz-get-set 2^7 x 51,"
                + " exec.push-in-out-halt 2^3 x 19, "), text);
        // the output is written beside the proof, and the proof states it
        assertTrue(text.contains("output:     [144] (written to " + dir.resolve("fib.output") + ")"), text);
        assertTrue(text.contains("range16.bytes 2^8 x 2 (preprocessed)"), text);
        assertTrue(text.contains("program 2^"), text);
        // zero knowledge's extra queries at rate (1 + 1/64)/4, plus 20 bits of grinding
        assertTrue(text.contains("security:   101 bits conjectured (the provable level is computed for --one-table"
                + " proofs only); blowup 4, 40 queries, 20 bits of grinding"), text);
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", "fibonacci", "--n", "12", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        assertTrue(out.toString().contains("statement:  input [12], output [144]"), out.toString());
        assertTrue(out.toString().contains("security:   101 bits conjectured"), out.toString());
        out.getBuffer().setLength(0);
        // the same proof is not a proof of another input, nor of another output
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", "fibonacci", "--n", "13", "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     REJECTED: "), out.toString());
        for (String claimed : new String[] {"145", "144 0", "", "# nothing but a comment\n"}) {
            Path other = writeWords(dir.resolve("claimed.output"), claimed);
            assertEquals(ExitCode.PROOF_REJECTED, run("verify", "fibonacci", "--n", "12", "-i", file.toString(),
                    "--output", other.toString()), claimed);
        }
        Path input = writeWords(dir.resolve("in.txt"), "12");
        assertEquals(0, run("verify", "fibonacci", "--input", input.toString(), "-i", file.toString()));
        // the verifier takes no advice
        assertEquals(ExitCode.USAGE, run("verify", "fibonacci", "--input", input.toString(), "--advice",
                input.toString(), "-i", file.toString()));
        assertTrue(err.toString().contains("a verifier takes no advice"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "--plain", "--quiet", "-o", file.toString()));
        assertTrue(out.toString().contains("bytes, plain, proven in "), out.toString());
        assertTrue(out.toString().contains("security:   100 bits conjectured"), out.toString());
        assertEquals(0, run("verify", "fibonacci", "--n", "12", "-i", file.toString()));
    }

    @Test
    void runWithProveProvesAndVerifiesTheRun() {
        assertEquals(0, run("run", "fibonacci", "--n", "12", "--prove"));
        String text = out.toString();
        assertTrue(text.contains("check:      satisfied"), text);
        assertTrue(text.contains("bytes, zero-knowledge, proven in "), text);
        assertTrue(text.contains("on tables: Cpu64 2^8 x 34, exec.addi-add-jz-jnz-get-set 2^7 x 51,"
                + " exec.push-in-out-halt 2^3 x 19, range16.bytes 2^8 x 2 (preprocessed)"), text);
        assertTrue(text.contains("verify:     valid: the proof's bytes, checked against the program, the input and the"
                + " output alone"), text);
        assertTrue(text.contains("security:   101 bits conjectured"), text);
    }

    @Test
    void theOneTableStarkStaysAvailableAndReportsItsProvableLevel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("calc.proof");
        Path program = Files.writeString(dir.resolve("calc.asm"), "push 20\npush 22\nadd\nstore\n");
        Path other = Files.writeString(dir.resolve("other.asm"), "push 20\npush 23\nadd\nstore\n");
        assertEquals(0, run("prove", CALCULATOR, program.toString(), "--one-table", "-o", file.toString()));
        String text = out.toString();
        assertTrue(text.contains("proof:      " + file), text);
        assertTrue(text.contains("bytes, plain (the one-table STARK does not hide the trace), proven in "), text);
        // 2^16 rows under the default parameters: the Johnson bound's best m gives 58.5 provable bits
        assertTrue(text.contains("security:   100 bits conjectured, 58 bits provable (Johnson bound)"), text);
        assertTrue(err.toString().contains("proving [########################] 8/8 done"), err.toString());
        out.getBuffer().setLength(0);
        // verify tells the two kinds of proof file apart by their format version
        assertEquals(0, run("verify", CALCULATOR, program.toString(), "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        assertTrue(out.toString().contains("security:   100 bits conjectured, 58 bits provable"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", CALCULATOR, other.toString(), "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     REJECTED: "), out.toString());
        // a machine with stream instructions states its input and output, which one table cannot
        assertEquals(ExitCode.USAGE, run("prove", "fibonacci", "--n", "12", "--one-table", "-o", file.toString()));
        assertTrue(err.toString().contains("a one-table proof cannot state them; prove on tables"), err.toString());
    }

    private static final String CALCULATOR = "--machine=dev.zkjvm.example.Calculator";

    private static Path writeWords(Path file, String words) {
        try {
            return Files.writeString(file, words);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theProvablePresetReaches100ProvableBitsAndNeedsTheSameParametersToVerify(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("calc.proof");
        Path program = Files.writeString(dir.resolve("calc.asm"), "push 20\npush 22\nadd\nstore\n");
        assertEquals(0, run("prove", CALCULATOR, program.toString(), "--params", "provable-100", "--one-table",
                "--quiet", "-o", file.toString()));
        // 20 grinding bits + 97 queries · -log2((1 + ρ⁺)/2), ρ⁺ = (2^16 + 2)/2^19: 100.5 bits
        assertTrue(out.toString().contains("bits provable (unique decoding); blowup 8, 97 queries"), out.toString());
        assertTrue(out.toString().contains(" 100 bits provable"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", CALCULATOR, program.toString(), "--params", "provable-100", "-i",
                file.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", CALCULATOR, program.toString(), "-i", file.toString()));
        assertTrue(out.toString().contains("verify:     REJECTED: proof was made with"), out.toString());
        assertEquals(ExitCode.USAGE, run("prove", "fibonacci", "--params", "strong"));
        assertTrue(err.toString().contains("unknown parameters `strong`"), err.toString());
    }

    @Test
    void theCompactPresetMakesSmallerProofsThatNeedItToVerify(@TempDir Path dir) throws IOException {
        Path compact = dir.resolve("compact.proof");
        Path standard = dir.resolve("default.proof");
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "--params", "compact", "--quiet", "-o",
                compact.toString()));
        // 16 grinding bits + 28 queries at blowup 8
        assertTrue(out.toString().contains("blowup 8, 28 queries, 16 bits of grinding"), out.toString());
        assertEquals(0, run("prove", "fibonacci", "--n", "12", "--quiet", "-o", standard.toString()));
        // about a fifth smaller at this size (zero-knowledge proofs vary by a few KB)
        assertTrue(Files.size(compact) < 0.9 * Files.size(standard),
                Files.size(compact) + " bytes against " + Files.size(standard));
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", "fibonacci", "--n", "12", "--params", "compact", "-i", compact.toString()));
        assertTrue(out.toString().contains("verify:     valid: "), out.toString());
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", "fibonacci", "--n", "12", "-i", compact.toString()));
        assertEquals(ExitCode.USAGE, run("prove", "fibonacci", "--params", "small"));
        assertTrue(err.toString().contains("use `default`, `compact` or `provable-100`"), err.toString());
    }

    @Test
    void verifyingAMissingProofIsAnIoError() {
        assertEquals(ExitCode.IO_ERROR, run("verify", "fibonacci", "-i", "/nonexistent/x.proof"));
        assertTrue(err.toString().contains("no proof file /nonexistent/x.proof"), err.toString());
    }

    @Test
    void runsAProgramFileOnCpu64(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("six.asm"), "push 2\npush 3\nadd\nset b\npush 6\nhalt\n");
        assertEquals(0, run("run", program.toString()));
        String text = out.toString();
        assertTrue(text.contains("program:    " + program), text);
        assertTrue(text.contains("registers:  a=0 b=5 c=0 d=0"), text);
        assertTrue(text.contains("stack:      [6] (bottom first)"), text);
        assertTrue(text.contains("check:      satisfied: every step of " + program), text);
    }

    @Test
    void aProgramThatDoesNotAssembleNamesLineAndColumn(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("bad.asm"), "push 1\npsh 2\n");
        assertEquals(ExitCode.USAGE, run("check", program.toString()));
        assertTrue(err.toString().contains(program + ": line 2, column 1: unknown instruction `psh`"), err.toString());
        assertTrue(err.toString().contains("its instructions: push, pop"), err.toString());
    }

    @Test
    void aProgramThatFailsOnTheMachineExitsWithOne(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("under.asm"), "add\n");
        assertEquals(ExitCode.PROGRAM_FAILED, run("run", program.toString()));
        assertTrue(err.toString().contains("failed on Cpu64: [StackUnderflow] pop from an empty stack"), err.toString());
    }

    @Test
    void aProgramFileTakesItsInputAdviceAndOutputFromFiles(@TempDir Path dir) throws Exception {
        // out(in + adv), out(in): the sum of a public and a private word, then a public word
        Path program = Files.writeString(dir.resolve("sum.asm"), "in\nadv\nadd\nout\nin\nout\nhalt\n");
        Path input = writeWords(dir.resolve("in.txt"), "# public\n40, 0x10\n");
        Path advice = writeWords(dir.resolve("secret.txt"), "2");
        Path output = dir.resolve("out.txt");
        assertEquals(0, run("run", program.toString(), "--input", input.toString(), "--advice", advice.toString(),
                "--output", output.toString()));
        assertTrue(out.toString().contains("output:     [42 16]"), out.toString());
        assertEquals("42\n16\n", Files.readString(output));
        Path proof = dir.resolve("sum.proof");
        assertEquals(0, run("prove", program.toString(), "--input", input.toString(), "--advice", advice.toString(),
                "--quiet", "-o", proof.toString()));
        assertEquals("42\n16\n", Files.readString(dir.resolve("sum.output")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", program.toString(), "--input", input.toString(), "-i", proof.toString()));
        assertTrue(out.toString().contains("statement:  input [40 16], output [42 16]"), out.toString());
        // the private word claimed as public input, or a wrong output: rejected
        Path withAdvice = writeWords(dir.resolve("all.txt"), "40 16 2");
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", program.toString(), "--input", withAdvice.toString(),
                "-i", proof.toString()));
        Path wrong = writeWords(dir.resolve("wrong.txt"), "43 16");
        assertEquals(ExitCode.PROOF_REJECTED, run("verify", program.toString(), "--input", input.toString(), "-i",
                proof.toString(), "--output", wrong.toString()));
        // an input word the run does not read: the proof would not state it, so prove refuses
        Path tooMuch = writeWords(dir.resolve("more.txt"), "40 16 99");
        assertEquals(ExitCode.USAGE, run("prove", program.toString(), "--input", tooMuch.toString(), "--advice",
                advice.toString(), "--quiet", "-o", proof.toString()));
        assertTrue(err.toString().contains("read 2 of the 3 public input words"), err.toString());
        // a malformed words file names its line
        Path bad = writeWords(dir.resolve("bad.txt"), "1\n2 x3\n");
        assertEquals(ExitCode.USAGE, run("run", program.toString(), "--input", bad.toString()));
        assertTrue(err.toString().contains("bad.txt:2: `x3` is not a 64-bit word"), err.toString());
    }

    @Test
    void aProgramFilePrintsItsOutputAndGetsNoInputYet(@TempDir Path dir) throws Exception {
        Path writes = Files.writeString(dir.resolve("out.asm"), "push 6\nout\npush 7\nout\nhalt\n");
        assertEquals(0, run("run", writes.toString(), "--no-check"));
        assertTrue(out.toString().contains("output:     [6 7]"), out.toString());
        Path reads = Files.writeString(dir.resolve("in.asm"), "in\nhalt\n");
        assertEquals(ExitCode.PROGRAM_FAILED, run("run", reads.toString(), "--no-check"));
        assertTrue(err.toString().contains("failed on Cpu64: [InputExhausted] the program reads public input word 0,"
                + " but the input has 0 words"), err.toString());
    }

    @Test
    void inputsOfBundledProgramsAreRefusedForFiles(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("p.asm"), "halt\n");
        assertEquals(ExitCode.USAGE, run("run", program.toString(), "--n", "3"));
        assertTrue(err.toString().contains("inputs of the bundled programs only"), err.toString());
    }

    @Test
    void anUnknownMachineNamesTheMachinesThereAre(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("p.asm"), "halt\n");
        assertEquals(ExitCode.USAGE, run("run", "--machine", "com.acme.Nope", program.toString()));
        String message = err.toString();
        assertTrue(message.contains("no machine `com.acme.Nope` on the class path; machines found: "), message);
        assertTrue(message.contains("Calculator (dev.zkjvm.example.Calculator), "), message);
        assertTrue(message.contains("Cpu64 (dev.zkjvm.example.Cpu64)"), message);
        assertTrue(message.contains("(--class-path DIR_OR_JAR)"), message);
    }

    @Test
    void anotherMachineIsChosenByName(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("calc.asm"), "push 20\npush 22\nadd\nstore\n");
        assertEquals(0, run("check", "--machine", "dev.zkjvm.example.Calculator", program.toString()));
        assertTrue(out.toString().contains("machine:    Calculator (64-bit words, generated from"
                + " dev.zkjvm.example.Calculator)"), out.toString());
        assertTrue(out.toString().contains("check:      satisfied"), out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "check", "prove", "verify", "report", "list", "machines", "generate-completion"})
    void everySubcommandHasHelpWithTheExitCodes(String command) {
        assertEquals(0, run(command, "--help"), err::toString);
        String text = out.toString();
        assertTrue(text.startsWith("Usage: zkvm " + command), text);
        assertTrue(text.contains("Exit codes:"), text);
        assertTrue(text.contains("4   proof rejected"), text);
        assertTrue(text.contains("6   out of memory"), text);
    }

    @Test
    void versionComesFromTheBuild() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().matches("zkjvm \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\R"), out.toString());
    }

    @Test
    void generatesABashCompletionScript() {
        assertEquals(0, run("generate-completion"));
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_zkvm"), script.lines().limit(5).toList().toString());
        assertTrue(script.contains("run check prove verify report list machines"), "subcommands are completed");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run("run", "fibonacci", "--frobnicate"));
        assertTrue(err.toString().contains("Unknown option: '--frobnicate'"), err.toString());
        assertEquals(ExitCode.USAGE, run("run", "bubble_sort", "--size", "-1"));
    }
}
