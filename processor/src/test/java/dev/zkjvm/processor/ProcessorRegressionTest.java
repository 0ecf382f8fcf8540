package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.ANNOTATION_LINE;
import static dev.zkjvm.processor.Sources.CLASS_LINE;
import static dev.zkjvm.processor.Sources.NOP;
import static dev.zkjvm.processor.Sources.calc;
import static dev.zkjvm.processor.Sources.compile;
import static dev.zkjvm.processor.Sources.machine;
import static dev.zkjvm.processor.Sources.memberLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes that once slipped past the validator into broken generated code, each now caught or handled. */
class ProcessorRegressionTest {
    private static void assertOnlyError(JavaFileObject file, int line, String message) {
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(file).onLine(line);
        assertEquals(1, c.errors().size(), () -> "errors: " + c.errors());
    }

    @Test
    void dottedNameIsNotAnIdentifier() {
        assertOnlyError(calc("@Machine(name = \"a.b\")", NOP), ANNOTATION_LINE,
                "[Machine/BadName] name \"a.b\" is not a Java identifier; did you mean \"Ab\"?");
    }

    @Test
    void camelAndSnakeMnemonicsWouldShareAnOpcodeConstant() {
        JavaFileObject file = calc("@Machine", "@Instruction void fooBar() {}", "@Instruction void foo_bar() {}");
        assertOnlyError(file, memberLine(1), "[Instruction/DuplicateMnemonic] mnemonic \"foo_bar\" of @Instruction "
                + "foo_bar is already used by fooBar");
    }

    @Test
    void operandNamedLikeAGeneratedParameterStillCompiles() {
        Compilation c = compile(calc("@Machine(wordSize = 8)",
                "@Instruction void put(U64 out, U64 words, Reg offset, Vm<U64> vm) {}", "@Register Reg r;"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void duplicateOpcodeSuggestsAFreeOpcode() {
        JavaFileObject file = calc("@Machine",
                "@Instruction(opcode = 0) void a() {}",
                "@Instruction(opcode = 0) void b() {}",
                "@Instruction(opcode = 1) void c() {}");
        assertOnlyError(file, memberLine(1), "[Instruction/DuplicateOpcode] opcode 0 of @Instruction b is already "
                + "taken by a; did you mean 2 (the lowest free opcode)?");
    }

    @Test
    void nativeInstructionHasNoBody() {
        assertOnlyError(calc("@Machine", "@Instruction native void a();"), memberLine(0),
                "[Instruction/Abstract] @Instruction method a must have a body");
    }

    @Test
    void stackDepthMattersOnlyWithAStack() {
        assertThat(compile(calc("@Machine(stackDepth = 0)", NOP))).succeededWithoutWarnings();
    }

    @Test
    void privateNestedMachineIsOneMistake() {
        JavaFileObject file = Sources.source("test.Outer",
                "package test;",
                "import dev.zkjvm.annotations.*;",
                "public class Outer {",
                "  @Machine",
                "  private static class Calc {",
                "    @Instruction void nop() {}",
                "  }",
                "}");
        assertOnlyError(file, 5, "[Machine/NotAccessible]");
    }

    @Test
    void unusedImportsOfHelpersStayUsed() {
        // Keeps the static imports above honest for the checks that use them.
        assertEquals(CLASS_LINE, ANNOTATION_LINE + 1);
        assertThat(compile(machine("@Machine", "public class Fine {", NOP))).succeededWithoutWarnings();
    }
}
