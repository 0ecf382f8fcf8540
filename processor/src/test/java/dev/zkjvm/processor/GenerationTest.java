package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.compile;
import static dev.zkjvm.processor.Sources.compileWithoutCircuit;
import static dev.zkjvm.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid machines compile, with the generated files, names, annotations and opcodes expected. */
class GenerationTest {
    static final List<String> SUFFIXES = List.of("Machine", "Context", "Instruction", "Program", "Assembler",
            "Trace", "TraceRecord", "Circuit", "Descriptor");

    /**
     * The 64-bit calculator of {@code src/test/resources/calc/Calc.java}, with Java {@code int} and
     * {@code long} operands: it compiles only without a circuit ({@link Sources#compileWithoutCircuit}).
     */
    static JavaFileObject calcSource() {
        return JavaFileObjects.forResource("calc/Calc.java");
    }

    /** The 32-bit machine of {@code src/test/resources/golden/Mini.java}, which gets a circuit. */
    static JavaFileObject miniSource() {
        return JavaFileObjects.forResource("golden/Mini.java");
    }

    static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every generated source, by name, e.g. {@code /SOURCE_OUTPUT/calc/CalcMachine.java}. */
    static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            sources.put(file.toUri().getPath(), text(file));
        }
        return sources;
    }

    static String generated(Compilation compilation, String qualifiedName) {
        return text(compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName)));
    }

    @Test
    void miniCompilesWithoutWarningsAndGeneratesEightFiles() {
        Compilation compilation = compile(miniSource());
        assertThat(compilation).succeededWithoutWarnings();
        for (String suffix : SUFFIXES) {
            assertThat(compilation).generatedSourceFile("golden.Mini" + suffix);
        }
        assertEquals(SUFFIXES.size(), compilation.generatedSourceFiles().size(),
                () -> "generated: " + generatedSources(compilation).keySet());
    }

    @Test
    void withoutMachineCircuitOnTheClassPathJavaOperandsCompileAndNoCircuitIsGenerated() {
        Compilation compilation = compileWithoutCircuit(calcSource());
        assertThat(compilation).succeededWithoutWarnings();
        for (String suffix : SUFFIXES) {
            // the descriptor serves tools that check and prove, so it comes with the circuit
            boolean withCircuitOnly = suffix.equals("Circuit") || suffix.equals("Descriptor");
            assertEquals(!withCircuitOnly, compilation.generatedSourceFile("calc.Calc" + suffix).isPresent(), suffix);
        }
        assertEquals(SUFFIXES.size() - 2, compilation.generatedSourceFiles().size());
    }

    @Test
    void nameReplacesTheClassNameAsPrefix() {
        JavaFileObject file = Sources.calc("@Machine(name = \"Alt\")", Sources.NOP);
        Compilation compilation = compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        for (String suffix : SUFFIXES) {
            assertThat(compilation).generatedSourceFile("test.Alt" + suffix);
            assertFalse(compilation.generatedSourceFile("test.Calc" + suffix).isPresent(), suffix);
        }
        assertTrue(generated(compilation, "test.AltMachine").contains("new Calc()"),
                "the machine instantiates the annotated class");
    }

    @Test
    void machine32BitCompiles() {
        JavaFileObject file = Sources.calc("@Machine(wordSize = 4)",
                "@Register Reg r0;",
                "@Stack WordStack<U32> stack;",
                "@Instruction void push(U32 value) { stack.push(value); }",
                "@Instruction void addi(Reg dst, int amount, Vm<U32> vm) { vm.set(dst, vm.get(dst).add(vm.word(amount))); }");
        Compilation compilation = compileWithoutCircuit(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcMachine").contentsAsUtf8String()
                .contains("extends MachineSupport<U32, CalcInstruction>");
    }

    @Test
    void machine256BitCompiles() {
        JavaFileObject file = Sources.calc("@Machine(wordSize = 32)",
                "@Register Reg r0;",
                "@Stack WordStack<U256> stack;",
                "@Instruction void push(U256 value) { stack.push(value); }",
                "@Instruction void load(Reg dst, long value, int shift, Vm<U256> vm) {",
                "    vm.set(dst, vm.word(value).shl(shift));",
                "}");
        Compilation compilation = compileWithoutCircuit(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcMachine").contentsAsUtf8String()
                .contains("extends MachineSupport<U256, CalcInstruction>");
    }

    @Test
    void machineWithoutStackOrRegistersCompiles() {
        Compilation compilation = compile(Sources.calc("@Machine(layout = Layout.HEAD)", Sources.NOP));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcMachine").contentsAsUtf8String()
                .contains("SectionOrder.HEAD, 0L, 0L, 16L, 1048576L");
    }

    @Test
    void staticNestedMachineCompiles() {
        JavaFileObject file = source("test.Outer",
                "package test;",
                "import dev.zkjvm.annotations.*;",
                "public class Outer {",
                "    @Machine",
                "    static class Calc {",
                "        @Instruction void nop() {}",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.CalcMachine").contentsAsUtf8String()
                .contains("new Outer.Calc()");
    }

    @Test
    void machineInTheUnnamedPackageCompiles() {
        JavaFileObject file = source("Calc",
                "import dev.zkjvm.annotations.*;",
                "@Machine",
                "public class Calc {",
                "    @Instruction void nop() {}",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("CalcMachine");
    }

    /** One service file lists the descriptor of every machine of the compilation, sorted. */
    @Test
    void serviceFileListsEveryMachinesDescriptor() {
        Compilation compilation = compile(Sources.calc("@Machine", Sources.NOP),
                Sources.machine("@Machine", "public class Alpha {", Sources.NOP));
        assertThat(compilation).succeededWithoutWarnings();
        JavaFileObject services = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
                        "META-INF/services/dev.zkjvm.circuit.machine.MachineDescriptor")
                .orElseThrow(() -> new AssertionError("no service file"));
        assertEquals("test.AlphaDescriptor\ntest.CalcDescriptor\n", text(services));
        String descriptor = generated(compilation, "test.CalcDescriptor");
        assertTrue(descriptor.contains("implements MachineDescriptor<U64, CalcProgram>"), descriptor);
    }

    /** A program's circuit object takes its own machine's trace only: another machine's does not compile. */
    @Test
    void aProgramsCircuitTakesItsOwnMachinesTraceOnly() {
        JavaFileObject use = JavaFileObjects.forSourceLines("test.Use",
                "package test;",
                "class Use {",
                "    Object own(CalcProgram p, CalcTrace t) { return CalcCircuit.forProgram(p).check(t); }",
                "    Object other(CalcProgram p, AlphaTrace t) { return CalcCircuit.forProgram(p).check(t); }",
                "}");
        Compilation compilation = compile(Sources.calc("@Machine", Sources.NOP),
                Sources.machine("@Machine", "public class Alpha {", Sources.NOP), use);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("AlphaTrace cannot be converted to test.CalcTrace")
                .inFile(use).onLine(4);
        assertEquals(1, compilation.errors().size(), compilation.errors()::toString);
    }

    @Test
    void uncheckedExceptionsMayBeDeclared() {
        JavaFileObject file = Sources.calc("@Machine",
                "@Instruction void fail() throws IllegalStateException, StackOverflowError {}");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void generationIsDeterministic() {
        Map<String, String> first = generatedSources(compile(miniSource()));
        Map<String, String> second = generatedSources(compile(miniSource()));
        assertEquals(SUFFIXES.size(), first.size());
        assertEquals(first, second);
    }

    @Test
    void everyGeneratedFileIsMarkedGeneratedWithoutADate() {
        Compilation compilation = compile(miniSource());
        Map<String, String> sources = generatedSources(compilation);
        assertEquals(SUFFIXES.size(), sources.size());
        sources.forEach((name, text) -> {
            assertTrue(text.contains("import javax.annotation.processing.Generated;"), name);
            assertTrue(text.contains("@Generated(\"dev.zkjvm.processor.MachineProcessor\")"), name);
            assertFalse(text.contains("date ="), name);
        });
    }

    @Test
    void opcodesAreAssignedInDeclarationOrderAroundExplicitOnes() {
        JavaFileObject file = Sources.calc("@Machine",
                "@Instruction void a() {}",
                "@Instruction(opcode = 1) void b() {}",
                "@Instruction void c() {}",
                "@Instruction void d() {}",
                "@Instruction(opcode = 9) void e() {}");
        Compilation compilation = compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, Integer> opcodes = opcodeConstants(generated(compilation, "test.CalcInstruction"));
        assertEquals(Map.of("OP_A", 0, "OP_B", 1, "OP_C", 2, "OP_D", 3, "OP_E", 9), opcodes);
    }

    @Test
    void explicitOpcodesAreReservedBeforeAnyIsAssigned() {
        // b's explicit 0 is declared after a: a must not take 0, although it comes first.
        JavaFileObject file = Sources.calc("@Machine",
                "@Instruction void a() {}",
                "@Instruction(opcode = 0) void b() {}");
        Compilation compilation = compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Map.of("OP_A", 1, "OP_B", 0), opcodeConstants(generated(compilation, "test.CalcInstruction")));
    }

    @Test
    void calcOpcodesAndMnemonics() {
        Compilation compilation = compileWithoutCircuit(calcSource());
        String instruction = generated(compilation, "calc.CalcInstruction");
        assertEquals(Map.of("OP_PUSH", 0, "OP_ADD", 1, "OP_LOAD", 2, "OP_POP", 3, "OP_PUSH_ADD", 4, "OP_STOP", 5),
                opcodeConstants(instruction));
        // The mnemonic attribute names the record; the method name is only called.
        assertTrue(instruction.contains("record Stop()"), instruction);
        assertTrue(generated(compilation, "calc.CalcMachine").contains("definition.halt(core)"));
    }

    @Test
    void registerConstantsAreUpperCaseInDeclarationOrder() {
        JavaFileObject file = Sources.calc("@Machine",
                "@Register Reg stackPtr;",
                "@Register(\"acc\") Reg accumulator;",
                Sources.NOP);
        Compilation compilation = compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        String machine = generated(compilation, "test.CalcMachine");
        assertTrue(machine.contains("public static final Reg STACK_PTR = new Reg(0, \"stackPtr\");"), machine);
        assertTrue(machine.contains("public static final Reg ACC = new Reg(1, \"acc\");"), machine);
        assertTrue(machine.contains("definition.accumulator = ACC;"), machine);
    }

    /** {@code OP_X = n} constants of a generated instruction set. */
    static Map<String, Integer> opcodeConstants(String instructionSource) {
        Map<String, Integer> opcodes = new TreeMap<>();
        Matcher m = Pattern.compile("int (OP_\\w+) = (\\d+);").matcher(instructionSource);
        while (m.find()) {
            opcodes.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return opcodes;
    }
}
