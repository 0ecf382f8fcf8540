package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.compile;
import static dev.zkjvm.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One instruction set for several word sizes: {@code @Instruction} methods and {@code @Register}
 * and {@code @Stack} fields inherited from a superclass, generic over the word type, are part of
 * every machine that extends it, checked and generated exactly like declared ones; mistakes in
 * inherited members are reported in the superclass's source.
 */
class InheritanceTest {
    /** A generic instruction set: lines 5.. are its members. */
    private static JavaFileObject isa(String... members) {
        String[] lines = new String[members.length + 5];
        lines[0] = "package test;";
        lines[1] = "import dev.zkjvm.annotations.*;";
        lines[2] = "import dev.zkjvm.runtime.*;";
        lines[3] = "public abstract class Isa<W extends Word<W>> {";
        System.arraycopy(members, 0, lines, 4, members.length);
        lines[lines.length - 1] = "}";
        return source("test.Isa", lines);
    }

    /** The line of member {@code i} (from 0) of {@link #isa}. */
    private static int isaLine(int i) {
        return 5 + i;
    }

    private static final String[] ALU = {
            "@Register Reg acc;",
            "@Stack WordStack<W> stack;",
            "@Instruction void push(W value) { stack.push(value); }",
            "@Instruction void add() { stack.push(stack.pop().add(stack.pop())); }",
            "@Instruction void store(Vm<W> vm) { vm.set(acc, stack.pop()); }"};

    private static JavaFileObject machine(String name, int wordSize, String word, String... members) {
        return Sources.machine("@Machine(wordSize = " + wordSize + ", stackDepth = 4, memoryCells = 16)",
                "public class " + name + " extends Isa<" + word + "> {", members);
    }

    private static void assertOnlyError(Compilation compilation, JavaFileObject file, int line, String text) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(text).inFile(file).onLine(line);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void oneInstructionSetServesThreeWordSizes() {
        Compilation compilation = compile(isa(ALU), machine("Small", 4, "U32"), machine("Mid", 8, "U64"),
                machine("Big", 32, "U256", "@Instruction void dup() { U256 x = stack.pop(); stack.push(x); stack.push(x); }"));
        assertThat(compilation).succeededWithoutWarnings();
        for (String name : new String[] {"Small", "Mid", "Big"}) {
            String instruction = GenerationTest.generated(compilation, "test." + name + "Instruction");
            Map<String, Integer> expected = name.equals("Big")
                    ? Map.of("OP_PUSH", 0, "OP_ADD", 1, "OP_STORE", 2, "OP_DUP", 3)
                    : Map.of("OP_PUSH", 0, "OP_ADD", 1, "OP_STORE", 2);
            assertEquals(expected, GenerationTest.opcodeConstants(instruction), name);
            String machine = GenerationTest.generated(compilation, "test." + name + "Machine");
            assertTrue(machine.contains("definition.push(i.value());"), machine);
            assertTrue(machine.contains("definition.acc = ACC;"), machine);
            assertTrue(machine.contains("definition.stack = core.stack();"), machine);
            String circuit = GenerationTest.generated(compilation, "test." + name + "Circuit");
            assertTrue(circuit.contains("call -> definition(call).store(call.vm())"), circuit);
        }
        assertTrue(GenerationTest.generated(compilation, "test.SmallInstruction").contains("record Push(U32 value)"));
        assertTrue(GenerationTest.generated(compilation, "test.BigInstruction").contains("record Push(U256 value)"));
    }

    @Test
    void aConcreteSuperclassOfAMachineIsPartOfIt() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import dev.zkjvm.annotations.*;",
                "public class Base {",
                "    @Instruction void nop() {}",
                "}");
        JavaFileObject machine = Sources.machine("@Machine", "public class Small extends Base {");
        Compilation compilation = compile(base, machine);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Map.of("OP_NOP", 0),
                GenerationTest.opcodeConstants(GenerationTest.generated(compilation, "test.SmallInstruction")));
    }

    @Test
    void anAbstractInstructionSetAloneCompiles() {
        assertThat(compile(isa(ALU))).succeededWithoutWarnings();
    }

    @Test
    void wordTypeOfTheWrongSizeIsReportedOnTheInheritedParameter() {
        JavaFileObject isa = isa(ALU);
        Compilation compilation = compile(isa, machine("Small", 4, "U64"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Instruction/UnsupportedParameter] parameter value of "
                        + "@Instruction push has unsupported type dev.zkjvm.runtime.U64; operands are U32, "
                        + "dev.zkjvm.runtime.Reg, int; did you mean U32?")
                .inFile(isa).onLine(isaLine(2));
        // The stack and the Vm parameter are of the wrong size too.
        assertThat(compilation).hadErrorContaining("[Stack/WrongType]").inFile(isa).onLine(isaLine(1));
        assertThat(compilation).hadErrorContaining("[Instruction/VmType]").inFile(isa).onLine(isaLine(4));
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void wrongStackTypeIsReportedOnTheInheritedField() {
        JavaFileObject isa = isa(ALU);
        Compilation compilation = compile(isa, machine("Small", 8, "U32"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Stack/WrongType] @Stack field stack has type "
                + "dev.zkjvm.runtime.WordStack<dev.zkjvm.runtime.U32>; did you mean dev.zkjvm.runtime.WordStack<U64>?")
                .inFile(isa).onLine(isaLine(1));
    }

    @Test
    void opcodesAreUniqueAcrossTheHierarchy() {
        JavaFileObject isa = isa("@Instruction(opcode = 3) void a() {}");
        JavaFileObject machine = machine("Small", 4, "U32", "@Instruction(opcode = 3) void b() {}");
        assertOnlyError(compile(isa, machine), machine, Sources.memberLine(0),
                "[Instruction/DuplicateOpcode] opcode 3 of @Instruction b is already taken by a; did you mean 0 "
                        + "(the lowest free opcode)?");
    }

    @Test
    void mnemonicsAreUniqueAcrossTheHierarchy() {
        JavaFileObject isa = isa("@Instruction void add() {}");
        JavaFileObject machine = machine("Small", 4, "U32", "@Instruction(mnemonic = \"add\") void plus() {}");
        assertOnlyError(compile(isa, machine), machine, Sources.memberLine(0),
                "[Instruction/DuplicateMnemonic] mnemonic \"add\" of @Instruction plus is already used by add");
    }

    @Test
    void anOverrideRunsInPlaceOfTheInheritedBodyAndKeepsItsOpcode() {
        JavaFileObject machine = machine("Small", 4, "U32",
                "@Override void add() { stack.push(stack.pop().sub(stack.pop())); }");
        Compilation compilation = compile(isa(ALU), machine);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Map.of("OP_PUSH", 0, "OP_ADD", 1, "OP_STORE", 2),
                GenerationTest.opcodeConstants(GenerationTest.generated(compilation, "test.SmallInstruction")));
    }

    @Test
    void anOverridingBodyIsTheOneScanned() {
        JavaFileObject machine = machine("Small", 4, "U32",
                "@Override void add() { if (stack.pop().isZero()) { stack.push(stack.pop()); } }");
        JavaFileObject isa = isa(ALU);
        assertOnlyError(compile(isa, machine), machine, Sources.memberLine(0),
                "[Instruction/Unconstrainable] @Instruction add calls isZero()");
    }

    @Test
    void anOverrideMayChangeTheMnemonic() {
        JavaFileObject machine = machine("Small", 4, "U32",
                "@Instruction(mnemonic = \"plus\") @Override void add() { stack.push(stack.pop().add(stack.pop())); }");
        Compilation compilation = compile(isa(ALU), machine);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Map.of("OP_PUSH", 0, "OP_PLUS", 1, "OP_STORE", 2),
                GenerationTest.opcodeConstants(GenerationTest.generated(compilation, "test.SmallInstruction")));
    }

    @Test
    void anAbstractInstructionMayBeImplementedByTheMachine() {
        JavaFileObject isa = isa("@Stack WordStack<W> stack;", "@Instruction abstract void sys(Vm<W> vm);");
        JavaFileObject machine = machine("Small", 4, "U32", "@Override void sys(Vm<U32> vm) { vm.halt(); }");
        Compilation compilation = compile(isa, machine);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(GenerationTest.generated(compilation, "test.SmallMachine").contains("definition.sys(core);"));
    }

    @Test
    void anAbstractInstructionLeftAbstractIsReportedWhereDeclared() {
        JavaFileObject isa = isa("@Instruction abstract void sys();");
        JavaFileObject machine = Sources.machine("@Machine", "public abstract class Small extends Isa<U64> {");
        Compilation compilation = compile(isa, machine);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Instruction/Abstract] @Instruction method sys must have a body")
                .inFile(isa).onLine(isaLine(0));
    }

    @Test
    void aFieldHidingAnInheritedRegisterIsRejected() {
        JavaFileObject machine = machine("Small", 4, "U32", "@Register(\"other\") Reg acc;");
        assertOnlyError(compile(isa(ALU), machine), machine, Sources.memberLine(0),
                "[Machine/HiddenField] field acc hides the @Register field Isa.acc, which the generated machine "
                        + "assigns; the inherited bodies would see the hidden one; rename one of them");
    }

    @Test
    void anInheritedMutableFieldIsRejectedWhereDeclared() {
        JavaFileObject isa = isa("int calls;", "@Instruction void nop() {}");
        assertOnlyError(compile(isa, machine("Small", 4, "U32")), isa, isaLine(0),
                "[Machine/MutableField] field calls of Isa is neither final nor a @Register or @Stack");
    }

    @Test
    void membersTheGeneratedCodeCannotReachAreRejected() {
        JavaFileObject isa = source("lib.Isa",
                "package lib;",
                "import dev.zkjvm.annotations.*;",
                "import dev.zkjvm.runtime.*;",
                "public abstract class Isa<W extends Word<W>> {",
                "    @Instruction protected void nop() {}",
                "}");
        JavaFileObject machine = machine("Small", 4, "U32");
        String text = "[Machine/UnreachableMember] method nop is inherited from Isa, which is in another package, "
                + "and is not public there, so the code generated for Small cannot reach it; make the method and "
                + "its class public";
        Compilation compilation = compile(isa, Sources.source("test.Small", String.join("\n",
                "package test;",
                "import dev.zkjvm.annotations.*;",
                "import dev.zkjvm.runtime.*;",
                "@Machine(wordSize = 4)",
                "public class Small extends lib.Isa<U32> {",
                "}")));
        assertOnlyError(compilation, isa, 5, text);
    }
}
