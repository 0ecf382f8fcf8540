package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.calc;
import static dev.zkjvm.processor.Sources.compile;
import static dev.zkjvm.processor.Sources.compileWithoutCircuit;
import static dev.zkjvm.processor.Sources.memberLine;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules a machine must follow when it gets a circuit ({@link CircuitRules}): each mistake is
 * one error with its exact text, file and line; each is allowed without a circuit, where it
 * cannot make the circuit prove something the machine does not do.
 */
class CircuitRulesTest {

    private static void assertOnlyError(JavaFileObject file, int line, String text) {
        Compilation compilation = compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(text).inFile(file).onLine(line);
        assertThat(compilation).hadErrorCount(1);
    }

    private static JavaFileObject stackMachine(String... body) {
        String[] members = new String[body.length + 3];
        members[0] = "@Stack WordStack<U64> stack;";
        members[1] = "@Register Reg a; @Register Reg b;";
        members[2] = "@Instruction void op(Reg r, U64 w, Vm<U64> vm) {";
        System.arraycopy(body, 0, members, 3, body.length);
        String[] withEnd = java.util.Arrays.copyOf(members, members.length + 1);
        withEnd[members.length] = "}";
        return calc("@Machine", withEnd);
    }

    /** The line of body line {@code i} (from 0) of {@link #stackMachine}. */
    private static int bodyLine(int i) {
        return memberLine(3 + i);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8 | int  | int  | U64",
            "8 | long | long | U64",
            "4 | int  | int  | U32"})
    void javaOperandsAreRejectedOnTheParameter(int wordSize, String type, String shown, String word) {
        JavaFileObject file = calc("@Machine(wordSize = " + wordSize + ")",
                "@Instruction void put(Reg r,",
                "        " + type + " amount) {}",
                "@Register Reg r0;");
        assertOnlyError(file, memberLine(1), "[Instruction/OperandNotConstrainable] parameter amount of @Instruction "
                + "put is a Java " + shown + ", which the circuit cannot constrain: the body would use it as a Java "
                + "value that no constraint ties to the program; did you mean " + word + " amount, with word "
                + "operations (add, shl, ...) on it?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"int count;", "static long steps;", "U64 last;", "Reg chosen;"})
    void mutableFieldsAreRejected(String field) {
        JavaFileObject file = calc("@Machine", Sources.NOP, field);
        String name = field.replaceAll(".* (\\w+);", "$1");
        assertOnlyError(file, memberLine(1), "[Machine/MutableField] field " + name + " of Calc is neither final nor "
                + "a @Register or @Stack: the machine keeps one instance across steps while the circuit derives "
                + "constraints on fresh ones, so state kept in it is invisible to the circuit; did you mean a "
                + "@Register, or 'final' for a constant?");
    }

    @Test
    void finalFieldsAreConstants() {
        assertThat(compile(calc("@Machine", "static final int LIMIT = 3;", "final long base = 7;",
                "@Stack WordStack<U64> stack;",
                "@Instruction void push(Vm<U64> vm) { stack.push(vm.word(base + LIMIT)); }")))
                .succeededWithoutWarnings();
    }

    @Test
    void tryIsRejected() {
        JavaFileObject file = stackMachine(
                "    try {",
                "        stack.push(w);",
                "    } catch (RuntimeException e) {",
                "        stack.push(vm.word(0));",
                "    }");
        assertOnlyError(file, bodyLine(0), "[Instruction/Try] @Instruction op has a try statement; a catch or "
                + "finally could swallow the error by which the circuit refuses what it cannot constrain; let "
                + "exceptions leave the body (the machine undoes the failed step)");
    }

    @Test
    void synchronizedBlockIsRejected() {
        JavaFileObject file = stackMachine(
                "    synchronized (this) {",
                "        stack.push(w);",
                "    }");
        assertOnlyError(file, bodyLine(0), "[Instruction/Synchronized] @Instruction op synchronizes; the circuit "
                + "cannot follow a lock, and a machine runs one step at a time; remove 'synchronized'");
    }

    @Test
    void synchronizedMethodIsRejected() {
        JavaFileObject file = calc("@Machine", "@Instruction synchronized void nop() {}");
        assertOnlyError(file, memberLine(0), "[Instruction/Synchronized] @Instruction nop synchronizes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "counts[0]++;            | counts[0]",
            "counts[1] = 5;          | counts[1]",
            "this.counts[2] += 1;    | this.counts[2]"})
    void writesIntoStateThatOutlivesTheStepAreRejected(String statement, String target) {
        JavaFileObject file = calc("@Machine",
                "final long[] counts = new long[3];",
                "@Instruction void count() {",
                "    " + statement,
                "}");
        assertOnlyError(file, memberLine(2), "[Instruction/WritesState] @Instruction count writes " + target
                + ", state that outlives the step outside the registers, stack and memory, which the circuit cannot "
                + "see; did you mean a @Register or vm.write(...)?");
    }

    @Test
    void writesIntoLocalsAreAllowed() {
        assertThat(compile(stackMachine(
                "    U64[] parts = new U64[2];",
                "    parts[0] = w;",
                "    int i = 0;",
                "    i++;",
                "    parts[i] = vm.get(r);",
                "    stack.push(parts[0].add(parts[1]));")))
                .succeededWithoutWarnings();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "if (w == vm.get(r)) { stack.push(w); }                     | ==",
            "if (stack.pop() != w) { stack.push(w); }                   | !=",
            "var x = vm.get(r); boolean same = x == w; vm.set(r, w);   | =="})
    void wordsComparedByIdentityAreRejected(String body, String operator) {
        JavaFileObject file = stackMachine("    " + body);
        assertOnlyError(file, bodyLine(0), "[Instruction/WordIdentity] @Instruction op compares words with "
                + operator + ", which tests Java objects, not machine values, so no constraint can follow it; "
                + "did you mean x.eq(y) (1 if equal, else 0) or x.sub(y) (non-zero if they differ), with "
                + "vm.select(...) or vm.jumpIf(...)?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"equals", "toString", "hashCode"})
    void objectMethodsOnWordsAreRejected(String method) {
        String condition = switch (method) {
            case "equals" -> "w.equals(vm.get(r))";
            case "toString" -> "w.toString().isEmpty()";
            default -> "w.hashCode() > 0";
        };
        JavaFileObject file = stackMachine("    if (" + condition + ") { stack.push(w); }");
        assertOnlyError(file, bodyLine(0), "[Instruction/Unconstrainable] @Instruction op hands a word to Java code ("
                + method + "()), which makes a Java value of a machine value; circuit constraints cannot follow a "
                + "branch or loop on it; did you mean x.eq(y), vm.select(...) or vm.jumpIf(...)?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "if (java.util.Objects.equals(w, vm.get(r))) { stack.push(w); }        | Objects.equals()",
            "if (java.util.List.of(w).contains(vm.get(r))) { stack.push(w); }     | List.contains()",
            "if (String.valueOf(w).isEmpty()) { stack.push(w); }                   | String.valueOf()"})
    void jdkMethodsReadingWordsAreRejected(String body, String shown) {
        JavaFileObject file = stackMachine("    " + body);
        assertOnlyError(file, bodyLine(0), "[Instruction/Unconstrainable] @Instruction op hands a word to Java code ("
                + shown + ")");
    }

    @Test
    void helperMethodsOfTheMachineAreCheckedToo() {
        JavaFileObject file = calc("@Machine",
                "@Stack WordStack<U64> stack;",
                "@Instruction void same() { stack.push(pick(stack.pop(), stack.pop())); }",
                "U64 pick(U64 x, U64 y) { return x == y ? x : y; }");
        assertOnlyError(file, memberLine(2), "[Instruction/WordIdentity] method pick of Calc compares words with ==");
    }

    @Test
    void wordsKeptInListsAndPickedByJavaConstantsAreAllowed() {
        assertThat(compile(stackMachine(
                "    java.util.List<U64> both = java.util.List.of(w, vm.get(r));",
                "    stack.push(both.get(1).add(both.get(0)));")))
                .succeededWithoutWarnings();
    }

    @Test
    void registersComparedByIdentityAreRejected() {
        JavaFileObject file = stackMachine("    if (r != a) { vm.set(r, w); }");
        assertOnlyError(file, bodyLine(0), "[Instruction/RegisterIdentity] @Instruction op compares registers with "
                + "!=, which tests object identity, and the circuit runs the body on register objects of its own; "
                + "did you mean r.index() == a.index()?");
    }

    @Test
    void registerIndicesAndNullChecksAreAllowed() {
        assertThat(compile(stackMachine(
                "    if (r.index() != a.index() && w != null) { vm.set(r, w); }",
                "    int limit = 3;",
                "    if (limit == r.index()) { stack.push(w); }")))
                .succeededWithoutWarnings();
    }

    @Test
    void comparisonsInAnInheritedBodyAreLocatedInItsSource() {
        JavaFileObject isa = Sources.source("test.Isa",
                "package test;",
                "import dev.zkjvm.annotations.*;",
                "import dev.zkjvm.runtime.*;",
                "public abstract class Isa<W extends Word<W>> {",
                "    @Stack WordStack<W> stack;",
                "    @Instruction void same(W x, Vm<W> vm) {",
                "        stack.push(vm.select(x == stack.pop() ? vm.word(1) : vm.word(0), x, x));",
                "    }",
                "}");
        JavaFileObject machine = Sources.machine("@Machine(wordSize = 4)", "public class Small extends Isa<U32> {");
        Compilation compilation = compile(isa, machine);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Instruction/WordIdentity] @Instruction same compares words with ==")
                .inFile(isa).onLine(7);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void withoutACircuitNoneOfTheseRulesApply() {
        JavaFileObject file = calc("@Machine",
                "int count;",
                "@Register Reg a;",
                "@Instruction void op(Reg r, int amount, Vm<U64> vm) {",
                "    try { if (r == a) { count += amount; } } catch (RuntimeException e) { count = 0; }",
                "}");
        assertThat(compileWithoutCircuit(file)).succeededWithoutWarnings();
    }
}
