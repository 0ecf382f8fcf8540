package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own machine, compiled here by javac with the processor (as a user's build would), found
 * by {@code zkvm} through {@code --class-path}, running a program from a file: run, check, prove and
 * verify.
 */
@Tag("slow")
class UserMachineCliTest {
    private static final String TALLY = """
            package acme;

            import dev.zkjvm.annotations.Instruction;
            import dev.zkjvm.annotations.Machine;
            import dev.zkjvm.annotations.Register;
            import dev.zkjvm.annotations.Stack;
            import dev.zkjvm.runtime.Reg;
            import dev.zkjvm.runtime.U32;
            import dev.zkjvm.runtime.Vm;
            import dev.zkjvm.runtime.WordStack;

            @Machine(wordSize = 4, stackDepth = 8, memoryCells = 16)
            public class Tally {
                @Register Reg total;
                @Stack WordStack<U32> stack;

                @Instruction void push(U32 value) { stack.push(value); }
                @Instruction void add() { stack.push(stack.pop().add(stack.pop())); }
                @Instruction void keep(Vm<U32> vm) { vm.set(total, stack.pop()); }
            }
            """;

    @TempDir
    static Path dir;
    private static Path classes;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void compileTheUsersMachine() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/acme")).resolve("Tally.java");
        Files.writeString(source, TALLY);
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String path = System.getProperty("java.class.path");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, "-cp", path, "-processorpath", path, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, messages::toString);
        assertTrue(Files.exists(classes.resolve("META-INF/services/dev.zkjvm.circuit.machine.MachineDescriptor")),
                "the processor lists the machine's descriptor");
    }

    private int zkvm(String... args) {
        var cli = ZkvmCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path program(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void runsChecksProvesAndVerifiesAProgramFile() throws IOException {
        Path program = program("answer.asm", "push 40\npush 2\nadd   ; 42\nkeep\n");
        String cp = classes.toString();
        assertEquals(0, zkvm("run", "--machine", "acme.Tally", "--class-path", cp, program.toString()), err::toString);
        assertTrue(out.toString().contains("machine:    Tally (32-bit words, generated from acme.Tally)"), out.toString());
        assertTrue(out.toString().contains("registers:  total=42"), out.toString());
        assertTrue(out.toString().contains("check:      satisfied"), out.toString());

        out.getBuffer().setLength(0);
        Path proof = dir.resolve("answer.proof");
        assertEquals(0, zkvm("prove", "-m", "Tally", "-cp", cp, program.toString(), "--quiet", "-o", proof.toString()),
                err::toString);
        assertTrue(Files.size(proof) > 0);
        out.getBuffer().setLength(0);
        assertEquals(0, zkvm("verify", "-m", "acme.TallyMachine", "-cp", cp, program.toString(), "-i",
                proof.toString()), err::toString);
        assertTrue(out.toString().contains("verify:     valid: " + proof), out.toString());

        // The proof shows a run of this program, not of another one.
        Path other = program("other.asm", "push 40\npush 3\nadd\nkeep\n");
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.PROOF_REJECTED, zkvm("verify", "-m", "acme.Tally", "-cp", cp, other.toString(), "-i",
                proof.toString()));
        assertTrue(out.toString().contains("verify:     REJECTED: "), out.toString());
    }

    @Test
    void theServiceFileMakesTheMachineListed() {
        assertEquals(0, zkvm("machines", "--class-path", classes.toString()));
        assertTrue(out.toString().contains("Tally         32-bit  acme.Tally"), out.toString());
        assertTrue(out.toString().contains("push add keep"), out.toString());
    }

    @Test
    void aProgramForAnotherMachineDoesNotAssemble() throws IOException {
        Path program = program("cpu.asm", "push 1\nset b\n");
        assertEquals(ExitCode.USAGE, zkvm("check", "-m", "acme.Tally", "-cp", classes.toString(), program.toString()));
        assertTrue(err.toString().contains("line 2, column 1: unknown instruction `set`"), err.toString());
        assertTrue(err.toString().contains("(assembly text for Tally; its instructions: push, add, keep)"),
                err.toString());
    }

    @Test
    void aMissingClassPathEntryIsAUsageError() throws IOException {
        Path program = program("p.asm", "push 1\n");
        assertEquals(ExitCode.USAGE, zkvm("run", "-m", "acme.Tally", "-cp", dir.resolve("nope").toString(),
                program.toString()));
        assertTrue(err.toString().contains("--class-path: no such file or directory"), err.toString());
    }

    @Test
    void withoutItsClassesTheMachineIsUnknown() throws IOException {
        Path program = program("q.asm", "push 1\n");
        assertEquals(ExitCode.USAGE, zkvm("run", "-m", "acme.Tally", program.toString()));
        assertTrue(err.toString().contains("no machine `acme.Tally` on the class path"), err.toString());
    }
}
