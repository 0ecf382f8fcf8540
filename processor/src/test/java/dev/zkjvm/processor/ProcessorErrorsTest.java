package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.ANNOTATION_LINE;
import static dev.zkjvm.processor.Sources.CLASS_LINE;
import static dev.zkjvm.processor.Sources.NOP;
import static dev.zkjvm.processor.Sources.calc;
import static dev.zkjvm.processor.Sources.compile;
import static dev.zkjvm.processor.Sources.machine;
import static dev.zkjvm.processor.Sources.memberLine;
import static dev.zkjvm.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.SectionOrder;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per diagnostic of {@link Message}: the exact text, the file, and the line of the
 * element (or annotation value) at fault. Sources follow the layout of {@link Sources}: the
 * {@code @Machine} annotation is on line 5, the class on line 6, member {@code i} on line 7 + i.
 */
class ProcessorErrorsTest {

    /** Compilation failed with exactly one error, {@code text}, at {@code line} of {@code file}. */
    private static void assertOnlyError(JavaFileObject file, int line, String text) {
        assertOnlyError(compile(file), file, line, text);
    }

    private static void assertOnlyError(Compilation compilation, JavaFileObject file, int line, String text) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(text).inFile(file).onLine(line);
        assertThat(compilation).hadErrorCount(1);
    }

    @Nested
    class MachineClass {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "public interface Calc {      | interface Calc",
                "public enum Calc {           | enum Calc",
                "public record Calc(int x) {  | record Calc",
                "public @interface Calc {     | annotation type Calc"})
        void notAClass(String declaration, String description) {
            JavaFileObject file = machine("@Machine", declaration);
            assertOnlyError(file, CLASS_LINE, "[Machine/NotAClass] @Machine must annotate a class, not "
                    + description + "; did you mean to put it on a class?");
        }

        @Test
        void abstractClass() {
            JavaFileObject file = machine("@Machine", "public abstract class Calc {", NOP);
            assertOnlyError(file, CLASS_LINE, "[Machine/Abstract] @Machine class Calc must not be abstract: "
                    + "the generated machine instantiates it; remove 'abstract'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"public class Calc {", "private static class Calc {"})
        void notAccessible(String nestedDeclaration) {
            JavaFileObject file = source("test.Outer",
                    "package test;",
                    "import dev.zkjvm.annotations.*;",
                    "public class Outer {",
                    "    @Machine",
                    "    " + nestedDeclaration,
                    "        Calc() {}",
                    "        " + NOP,
                    "    }",
                    "}");
            assertOnlyError(file, 5, "[Machine/NotAccessible] @Machine class Calc must be top-level or a static "
                    + "nested class, and not private; did you mean 'static'?");
        }

        @Test
        void generic() {
            JavaFileObject file = machine("@Machine", "public class Calc<T> {", NOP);
            assertOnlyError(file, CLASS_LINE,
                    "[Machine/Generic] @Machine class Calc must not have type parameters; the word size fixes every type; "
                            + "did you mean an abstract generic superclass with the instructions, which each machine "
                            + "extends with its word type?");
        }

        @ParameterizedTest
        @ValueSource(strings = {"public Calc(int x) {}", "private Calc() {}"})
        void noConstructor(String constructor) {
            JavaFileObject file = calc("@Machine", constructor, NOP);
            assertOnlyError(file, CLASS_LINE, "[Machine/NoConstructor] @Machine class Calc needs a non-private "
                    + "constructor without parameters; did you mean to add 'Calc() {}'?");
        }

        @Test
        void noInstructions() {
            JavaFileObject file = calc("@Machine", "@Register Reg r0;");
            assertOnlyError(file, CLASS_LINE,
                    "[Machine/NoInstructions] @Machine class Calc declares no @Instruction method; add at least one");
        }

        @Test
        void everyMistakeIsReportedNotJustTheFirst() {
            JavaFileObject file = calc("@Machine(wordSize = 7)", "@Register static Reg r0;", "@Instruction static void nop() {}");
            Compilation compilation = compile(file);
            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(3);
            assertThat(compilation).hadErrorContaining("[Machine/WordSize]").inFile(file).onLine(ANNOTATION_LINE);
            assertThat(compilation).hadErrorContaining("[Register/Modifiers]").inFile(file).onLine(memberLine(0));
            assertThat(compilation).hadErrorContaining("[Instruction/Static]").inFile(file).onLine(memberLine(1));
        }
    }

    @Nested
    class MachineAttributes {
        @ParameterizedTest
        @CsvSource({"7, 8", "0, 4", "5, 4", "16, 8", "64, 32", "-8, 4"})
        void wordSize(int wordSize, int suggestion) {
            JavaFileObject file = calc("@Machine(wordSize = " + wordSize + ")", NOP);
            assertOnlyError(file, ANNOTATION_LINE, "[Machine/WordSize] wordSize must be 4, 8 or 32 bytes, not "
                    + wordSize + "; did you mean " + suggestion + "?");
        }

        @Test
        void wordSizeErrorIsOnTheAttributeValue() {
            // The annotation spans three lines; the error is on the line of the wrong value.
            JavaFileObject file = source("test.Calc",
                    "package test;",
                    "import dev.zkjvm.annotations.*;",
                    "@Machine(",
                    "    stackDepth = 8,",
                    "    wordSize = 7)",
                    "public class Calc {",
                    "    " + NOP,
                    "}");
            assertOnlyError(file, 5, "[Machine/WordSize] wordSize must be 4, 8 or 32 bytes, not 7; did you mean 8?");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void stackDepth(int depth) {
            JavaFileObject file = calc("@Machine(stackDepth = " + depth + ")", NOP, "@Stack WordStack<U64> stack;");
            assertOnlyError(file, ANNOTATION_LINE,
                    "[Machine/StackDepth] stackDepth must be at least 1, not " + depth + "; did you mean 1024?");
        }

        @Test
        void bufferCells() {
            JavaFileObject file = calc("@Machine(bufferCells = -1)", NOP);
            assertOnlyError(file, ANNOTATION_LINE,
                    "[Machine/BufferCells] bufferCells must be 0 or more, not -1; did you mean 16?");
        }

        @Test
        void bufferCellsZeroIsAllowed() {
            assertThat(compile(calc("@Machine(bufferCells = 0)", NOP))).succeeded();
        }

        @Test
        void memoryCells() {
            JavaFileObject file = calc("@Machine(memoryCells = 0)", NOP);
            assertOnlyError(file, ANNOTATION_LINE,
                    "[Machine/MemoryCells] memoryCells must be at least 1, not 0; did you mean 1048576 (1L << 20)?");
        }

        @Test
        void addressSpace32() {
            // 2^31 memory cells + 2 * 16 buffer cells, 4 bytes each: more than 2^32 bytes.
            JavaFileObject file = calc("@Machine(wordSize = 4, memoryCells = 1L << 31)", NOP);
            assertOnlyError(file, ANNOTATION_LINE, "[Machine/AddressSpace] the layout needs 2147483680 cells of 4 bytes, "
                    + "more than the 4294967296 bytes a 32-bit machine can address; "
                    + "reduce memoryCells, stackDepth or bufferCells");
        }

        @Test
        void addressSpace64CountsStackAndRegisters() {
            // Memory alone fits the runtime's limit; the stack, a register and the buffers tip it over by one cell.
            long maxBytes = MemoryLayout.maxAddressBytes(8);
            long memoryCells = maxBytes / 8 - (1024 + 1 + 2 * 16) + 1;
            JavaFileObject file = calc("@Machine(memoryCells = " + memoryCells + "L)",
                    "@Register Reg r0;", "@Stack WordStack<U64> stack;", NOP);
            assertOnlyError(file, ANNOTATION_LINE, "[Machine/AddressSpace] the layout needs " + (maxBytes / 8 + 1)
                    + " cells of 8 bytes, more than the " + maxBytes + " bytes a 64-bit machine can address");
        }

        @ParameterizedTest
        @ValueSource(ints = {4, 8, 32})
        void addressSpaceExactlyFullIsAllowedAndAcceptedByTheRuntime(int wordSize) {
            // The processor and the runtime's MemoryLayout must agree on the limit: exactly full is fine.
            long memoryCells = MemoryLayout.maxAddressBytes(wordSize) / wordSize - 2 * 16;
            JavaFileObject file = calc("@Machine(wordSize = " + wordSize + ", memoryCells = " + memoryCells + "L)", NOP);
            assertThat(compile(file)).succeeded();
            new MemoryLayout(wordSize, SectionOrder.TAIL, 0, 0, 16, memoryCells);
        }

        @Test
        void maxSteps() {
            JavaFileObject file = calc("@Machine(maxSteps = 0)", NOP);
            assertOnlyError(file, ANNOTATION_LINE, "[Machine/MaxSteps] maxSteps must be at least 1, not 0");
        }

        @ParameterizedTest
        @CsvSource({"my-vm, Myvm", "class, Class_", "9lives, Lives"})
        void badName(String name, String suggestion) {
            JavaFileObject file = calc("@Machine(name = \"" + name + "\")", NOP);
            assertOnlyError(file, ANNOTATION_LINE, "[Machine/BadName] name \"" + name
                    + "\" is not a Java identifier; did you mean \"" + suggestion + "\"?");
        }

        @Test
        void nameClash() {
            JavaFileObject file = machine("@Machine(name = \"Calc\")", "public class CalcMachine {", NOP);
            assertOnlyError(file, ANNOTATION_LINE, "[Machine/NameClash] the generated type CalcMachine would have "
                    + "the same name as the annotated class; did you mean name = \"CalcVm\"?");
        }
    }

    @Nested
    class Registers {
        @ParameterizedTest
        @CsvSource({"long, long", "Integer, java.lang.Integer", "WordStack<U64>, dev.zkjvm.runtime.WordStack<dev.zkjvm.runtime.U64>"})
        void wrongType(String type, String shown) {
            JavaFileObject file = calc("@Machine", NOP, "@Register " + type + " r0;");
            assertOnlyError(file, memberLine(1), "[Register/WrongType] @Register field r0 has type " + shown
                    + "; did you mean dev.zkjvm.runtime.Reg?");
        }

        @ParameterizedTest
        @ValueSource(strings = {"static", "final", "private"})
        void modifiers(String modifier) {
            String initializer = modifier.equals("final") ? " = null" : "";
            JavaFileObject file = calc("@Machine", NOP, "@Register " + modifier + " Reg r0" + initializer + ";");
            assertOnlyError(file, memberLine(1), "[Register/Modifiers] @Register field r0 must not be " + modifier
                    + ": the generated machine assigns it; remove '" + modifier + "'");
        }

        @Test
        void duplicateName() {
            JavaFileObject file = calc("@Machine", "@Register Reg a;", "@Register(\"a\") Reg b;", NOP);
            assertOnlyError(file, memberLine(1), "[Register/DuplicateName] register name \"a\" is already used by "
                    + "field a; did you mean @Register(\"a1\")?");
        }

        @Test
        void duplicateConstantName() {
            // stackPtr and stack_ptr would both become the constant STACK_PTR.
            JavaFileObject file = calc("@Machine", "@Register Reg stackPtr;", "@Register Reg pc;",
                    "@Register Reg stack_ptr;", NOP);
            assertOnlyError(file, memberLine(2), "[Register/DuplicateName] register name \"stack_ptr\" is already "
                    + "used by field stackPtr; did you mean @Register(\"stack_ptr2\")?");
        }

        @ParameterizedTest
        @CsvSource({"r-1, r1", "int, int_", "--, x"})
        void badName(String name, String suggestion) {
            JavaFileObject file = calc("@Machine", NOP, "@Register(\"" + name + "\") Reg r;");
            assertOnlyError(file, memberLine(1), "[Register/BadName] register name \"" + name
                    + "\" is not an identifier, so assembly text could not name it; did you mean \"" + suggestion + "\"?");
        }

        @ParameterizedTest
        @CsvSource({"layout, LAYOUT", "registers, REGISTERS", "wordType, WORD_TYPE"})
        void reservedName(String name, String constant) {
            JavaFileObject file = calc("@Machine", NOP, "@Register Reg " + name + ";");
            assertOnlyError(file, memberLine(1), "[Register/ReservedName] register " + name
                    + " would generate the constant " + constant + ", which the generated machine already has; "
                    + "did you mean @Register(\"" + name + "Reg\")?");
        }
    }

    @Nested
    class Stacks {
        @Test
        void duplicate() {
            JavaFileObject file = calc("@Machine", "@Stack WordStack<U64> first;", "@Stack WordStack<U64> second;", NOP);
            assertOnlyError(file, memberLine(1), "[Stack/Duplicate] a machine has one stack, but second is a second "
                    + "@Stack field (the first is first); remove one");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "8  | WordStack         | dev.zkjvm.runtime.WordStack                          | U64",
                "8  | WordStack<U32>    | dev.zkjvm.runtime.WordStack<dev.zkjvm.runtime.U32>   | U64",
                "4  | WordStack<U64>    | dev.zkjvm.runtime.WordStack<dev.zkjvm.runtime.U64>   | U32",
                "32 | java.util.List<U256> | java.util.List<dev.zkjvm.runtime.U256>            | U256",
                "8  | int               | int                                                  | U64"})
        void wrongType(int wordSize, String type, String shown, String word) {
            JavaFileObject file = calc("@Machine(wordSize = " + wordSize + ")", NOP, "@Stack " + type + " s;");
            assertOnlyError(file, memberLine(1), "[Stack/WrongType] @Stack field s has type " + shown
                    + "; did you mean dev.zkjvm.runtime.WordStack<" + word + ">?");
        }

        @ParameterizedTest
        @ValueSource(strings = {"static", "final", "private"})
        void modifiers(String modifier) {
            String initializer = modifier.equals("final") ? " = null" : "";
            JavaFileObject file = calc("@Machine", NOP, "@Stack " + modifier + " WordStack<U64> s" + initializer + ";");
            assertOnlyError(file, memberLine(1), "[Stack/Modifiers] @Stack field s must not be " + modifier
                    + ": the generated machine assigns it; remove '" + modifier + "'");
        }
    }

    @Nested
    class Instructions {
        @Test
        void staticMethod() {
            JavaFileObject file = calc("@Machine", "@Instruction static void nop() {}");
            assertOnlyError(file, memberLine(0), "[Instruction/Static] @Instruction method nop must not be static: "
                    + "it runs on the machine's instance; remove 'static'");
        }

        @Test
        void privateMethod() {
            JavaFileObject file = calc("@Machine", "@Instruction private void nop() {}");
            assertOnlyError(file, memberLine(0), "[Instruction/Private] @Instruction method nop must not be private: "
                    + "the generated machine calls it; remove 'private'");
        }

        @Test
        void abstractMethod() {
            // Reachable in a non-abstract class: javac's own "does not override abstract method" check comes
            // after annotation processing, which stops compilation first.
            JavaFileObject file = calc("@Machine", NOP, "@Instruction abstract void halt();");
            assertOnlyError(file, memberLine(1), "[Instruction/Abstract] @Instruction method halt must have a body");
        }

        @Test
        void abstractMethodInAbstractClass() {
            JavaFileObject file = machine("@Machine", "public abstract class Calc {", "@Instruction abstract void halt();");
            Compilation compilation = compile(file);
            assertThat(compilation).hadErrorCount(2);
            assertThat(compilation).hadErrorContaining("[Machine/Abstract]").inFile(file).onLine(CLASS_LINE);
            assertThat(compilation).hadErrorContaining("[Instruction/Abstract] @Instruction method halt must have a body")
                    .inFile(file).onLine(memberLine(0));
        }

        @Test
        void generic() {
            JavaFileObject file = calc("@Machine", "@Instruction <T> void nop() {}");
            assertOnlyError(file, memberLine(0), "[Instruction/Generic] @Instruction method nop must not have type parameters");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "int    | return 0;    | int",
                "U64    | return null; | dev.zkjvm.runtime.U64",
                "String | return \"\"; | java.lang.String"})
        void returnsValue(String type, String body, String shown) {
            JavaFileObject file = calc("@Machine", "@Instruction " + type + " nop() { " + body + " }");
            assertOnlyError(file, memberLine(0), "[Instruction/ReturnsValue] @Instruction method nop returns " + shown
                    + "; instructions return nothing: push the result or write it to a register, and make the method void");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "if (stack.pop().isZero()) { stack.push(U64.of(1)); }                      | isZero",
                "for (long i = 0; i < stack.pop().longValue(); i++) { stack.push(U64.of(i)); } | longValue",
                "stack.push(U64.of(stack.pop().compareTo(U64.of(3))));                     | compareTo",
                "if (stack.depth() > 2) { stack.pop(); }                                   | depth"})
        void unconstrainableJavaInABody(String body, String method) {
            JavaFileObject file = calc("@Machine",
                    "@Stack WordStack<U64> stack;",
                    "@Instruction void nop() {",
                    "    " + body,
                    "}");
            assertOnlyError(file, memberLine(2), "[Instruction/Unconstrainable] @Instruction nop calls " + method
                    + "(), which hands a machine value to Java code; circuit constraints cannot follow a branch or"
                    + " loop on it; did you mean vm.select(...) or vm.jumpIf(...)?");
        }

        @Test
        void throwsChecked() {
            JavaFileObject file = calc("@Machine",
                    "@Instruction void nop() throws IllegalStateException, java.io.IOException, Error {}");
            assertOnlyError(file, memberLine(0), "[Instruction/ThrowsChecked] @Instruction method nop declares the "
                    + "checked exception java.io.IOException; instruction bodies may throw only unchecked exceptions");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "8  | String | java.lang.String      | U64  | long, int | U64",
                "8  | U32    | dev.zkjvm.runtime.U32 | U64  | long, int | U64",
                "8  | short  | short                 | U64  | long, int | U64",
                "8  | Long   | java.lang.Long        | U64  | long, int | U64",
                "4  | long   | long                  | U32  | int       | int",
                "4  | U64    | dev.zkjvm.runtime.U64 | U32  | int       | U32",
                "32 | U64    | dev.zkjvm.runtime.U64 | U256 | long, int | U256"})
        void unsupportedParameter(int wordSize, String type, String shown, String word, String primitives,
                                  String suggestion) {
            // The parameter sits on its own line, after the method's: the error is on the parameter.
            JavaFileObject file = calc("@Machine(wordSize = " + wordSize + ")",
                    "@Instruction void put(int ok,",
                    "        " + type + " value) {}");
            assertOnlyError(file, memberLine(1), "[Instruction/UnsupportedParameter] parameter value of @Instruction "
                    + "put has unsupported type " + shown + "; operands are " + word + ", dev.zkjvm.runtime.Reg, "
                    + primitives + "; did you mean " + suggestion + "?");
        }

        @Test
        void vmPosition() {
            JavaFileObject file = calc("@Machine",
                    "@Instruction void put(",
                    "        Vm<U64> vm,",
                    "        int value) {}");
            assertOnlyError(file, memberLine(1), "[Instruction/VmPosition] parameter vm of @Instruction put is the Vm "
                    + "but is not the last parameter; move it to the end");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "8 | Vm<U32> | dev.zkjvm.runtime.Vm<dev.zkjvm.runtime.U32> | U64",
                "8 | Vm      | dev.zkjvm.runtime.Vm                        | U64",
                "4 | Vm<U64> | dev.zkjvm.runtime.Vm<dev.zkjvm.runtime.U64> | U32"})
        void vmType(int wordSize, String type, String shown, String word) {
            JavaFileObject file = calc("@Machine(wordSize = " + wordSize + ")",
                    "@Instruction void put(int value,",
                    "        " + type + " vm) {}");
            assertOnlyError(file, memberLine(1), "[Instruction/VmType] parameter vm of @Instruction put has type "
                    + shown + "; did you mean dev.zkjvm.runtime.Vm<" + word + ">?");
        }

        @Test
        void opcodeRange() {
            JavaFileObject file = calc("@Machine",
                    "@Instruction(opcode = 0) void a() {}",
                    "@Instruction(opcode = 65536) void b() {}");
            assertOnlyError(file, memberLine(1), "[Instruction/OpcodeRange] opcode 65536 of @Instruction b is outside "
                    + "0..65535; did you mean 1?");
        }

        @Test
        void opcode65535IsAllowed() {
            assertThat(compile(calc("@Machine", "@Instruction(opcode = 65535) void a() {}"))).succeeded();
        }

        @Test
        void duplicateOpcode() {
            JavaFileObject file = calc("@Machine",
                    "@Instruction(opcode = 0) void a() {}",
                    "@Instruction(opcode = 2) void b() {}",
                    "@Instruction(opcode = 0) void c() {}");
            assertOnlyError(file, memberLine(2), "[Instruction/DuplicateOpcode] opcode 0 of @Instruction c is already "
                    + "taken by a; did you mean 1 (the lowest free opcode)?");
        }

        @Test
        void duplicateMnemonic() {
            // Mnemonics are compared without case: ADD and add would give the same record name.
            JavaFileObject file = calc("@Machine",
                    "@Instruction void add() {}",
                    "@Instruction(mnemonic = \"ADD\") void plus() {}");
            assertOnlyError(file, memberLine(1), "[Instruction/DuplicateMnemonic] mnemonic \"ADD\" of @Instruction "
                    + "plus is already used by add; did you mean @Instruction(mnemonic = \"ADD2\")?");
        }

        @Test
        void duplicateMnemonicFromOverloads() {
            JavaFileObject file = calc("@Machine",
                    "@Instruction void push(int value) {}",
                    "@Instruction void push(long value) {}");
            assertOnlyError(file, memberLine(1), "[Instruction/DuplicateMnemonic] mnemonic \"push\" of @Instruction "
                    + "push is already used by push; did you mean @Instruction(mnemonic = \"push2\")?");
        }

        @ParameterizedTest
        @CsvSource({"add-1, add1", "new, new_", "1st, st"})
        void badMnemonic(String mnemonic, String suggestion) {
            JavaFileObject file = calc("@Machine", NOP, "@Instruction(mnemonic = \"" + mnemonic + "\") void a() {}");
            assertOnlyError(file, memberLine(1), "[Instruction/BadMnemonic] mnemonic \"" + mnemonic
                    + "\" of @Instruction a is not an identifier; did you mean \"" + suggestion + "\"?");
        }

        @ParameterizedTest
        @CsvSource({"build, Build", "encode, Encode", "opcode, Opcode", "builder, Builder", "calcInstruction, CalcInstruction"})
        void reservedName(String method, String record) {
            JavaFileObject file = calc("@Machine", NOP, "@Instruction void " + method + "() {}");
            assertOnlyError(file, memberLine(1), "[Instruction/ReservedName] @Instruction " + method
                    + " would generate a record named " + record + ", which clashes with a member of the generated "
                    + "instruction set; did you mean @Instruction(mnemonic = \"" + method + "Op\")?");
        }

        @Test
        void reservedNameFromMnemonic() {
            JavaFileObject file = calc("@Machine", NOP, "@Instruction(mnemonic = \"toString\") void show() {}");
            assertOnlyError(file, memberLine(1), "[Instruction/ReservedName] @Instruction show would generate a record "
                    + "named ToString, which clashes with a member of the generated instruction set; "
                    + "did you mean @Instruction(mnemonic = \"toStringOp\")?");
        }

        @ParameterizedTest
        @ValueSource(strings = {"opcode", "mnemonic", "hashCode", "encodedLength"})
        void reservedOperand(String name) {
            JavaFileObject file = calc("@Machine",
                    "@Instruction void put(int ok,",
                    "        int " + name + ") {}");
            assertOnlyError(file, memberLine(1), "[Instruction/ReservedOperand] parameter " + name + " of @Instruction "
                    + "put would become a record component that clashes with the instruction API's " + name
                    + "(); did you mean " + name + "Value?");
        }
    }

    @Nested
    class Missing {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Instruction | @Instruction void nop() {}  | nop",
                "Register    | @Register Reg r0;           | r0",
                "Stack       | @Stack WordStack<U64> stack; | stack"})
        void memberOutsideMachine(String annotation, String member, String name) {
            JavaFileObject file = source("test.Plain",
                    "package test;",
                    "import dev.zkjvm.annotations.*;",
                    "import dev.zkjvm.runtime.*;",
                    "public class Plain {",
                    "    " + member,
                    "}");
            assertOnlyError(file, 5, "[Machine/Missing] @" + annotation + " on " + name + " has no effect: its class "
                    + "Plain is not annotated @Machine; did you mean to annotate Plain with @Machine?");
        }

        @Test
        void memberOfNestedClassInsideMachine() {
            // The nested class is not the machine: its instruction would silently do nothing.
            JavaFileObject file = calc("@Machine", NOP,
                    "static class Helper {",
                    "    @Instruction void inner() {}",
                    "}");
            assertOnlyError(file, memberLine(2), "[Machine/Missing] @Instruction on inner has no effect: its class "
                    + "Helper is not annotated @Machine; did you mean to annotate Helper with @Machine?");
        }
    }

    @Nested
    class GeneratedNames {
        @Test
        void twoMachinesWithTheSameGeneratedNames() {
            JavaFileObject first = machine("@Machine(name = \"Same\")", "public class First {", NOP);
            JavaFileObject second = machine("@Machine(name = \"Same\")", "public class Second {", NOP);
            Compilation compilation = compile(first, second);
            assertThat(compilation).failed();
            assertThat(compilation).hadErrorContaining("[Machine/GeneratedClash] the generated type test.SameInstruction "
                    + "is already generated for test.First; did you mean @Machine(name = \"SecondVm\")?")
                    .inFile(second).onLine(ANNOTATION_LINE);
            assertEquals(1, compilation.errors().size(), () -> "errors: " + compilation.errors());
        }
    }
}
