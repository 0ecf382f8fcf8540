package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.asm.AssemblyException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Assembler round trips for every bundled program, and assembler errors with line and column. */
class Cpu64AssemblerTest {

    static List<String> programs() {
        return Programs.NAMES;
    }

    @ParameterizedTest
    @MethodSource("programs")
    void parseToStringParseGivesAnEqualProgram(String name) {
        Cpu64Program p = Programs.program(name);
        assertTrue(p.size() > 5);
        String text = p.toString();
        Cpu64Program again = Cpu64Assembler.parse(text);
        assertEquals(p, again);
        assertEquals(p.hashCode(), again.hashCode());
        assertEquals(text, again.toString(), "toString is a fixed point after one round");
        assertEquals(p.size(), text.lines().count(), "one instruction per line, labels resolved to indices");
    }

    @ParameterizedTest
    @MethodSource("programs")
    void encodeDecodeGivesAnEqualProgram(String name) {
        Cpu64Program p = Programs.program(name);
        List<U64> words = p.encode();
        int expectedWords = p.instructions().stream().mapToInt(Cpu64Instruction::encodedLength).sum();
        assertEquals(expectedWords, words.size());
        assertEquals(p, Cpu64Program.decode(words));
        // every instruction on its own too
        for (Cpu64Instruction i : p.instructions()) {
            assertEquals(i, Cpu64Instruction.decode(i.encode(), 0));
            assertEquals(U64.of(i.opcode()), i.encode().get(0));
        }
    }

    @ParameterizedTest
    @MethodSource("programs")
    void theRoundTrippedProgramRunsTheSame(String name) {
        Cpu64Program p = Programs.program(name);
        Cpu64Program q = Cpu64Program.decode(Cpu64Assembler.parse(p.toString()).encode());
        long[] words = {5, 3, 9, 1};
        long[] input = switch (name) {
            case "fibonacci", "factorial" -> new long[] {4};
            case "hash_preimage" -> new long[] {Programs.hashOf(words)};
            default -> Programs.counted(words);
        };
        long[] advice = name.equals("hash_preimage") ? Programs.counted(words) : new long[0];
        Cpu64Machine a = Cpu64Machine.create();
        Cpu64Machine b = Cpu64Machine.create();
        for (Cpu64Machine m : List.of(a, b)) {
            m.supplyInput(input);
            m.supplyAdvice(advice);
        }
        assertEquals(a.run(p), b.run(q));
        assertEquals(a.trace().records(), b.trace().records());
        assertEquals(a.streams(), b.streams());
        assertTrue(a.context().halted() && b.context().halted());
    }

    @Test
    void labelsAndNumbersParse() {
        Cpu64Program p = Cpu64Assembler.parse("""
                ; comment line
                start:  push 0x10      # hex
                        push -1        ; negative, mod 2^64
                        push 1_000
                end:
                        jmp start
                        jnz end
                        ldr c, -8
                """);
        assertEquals(Cpu64Program.builder().push(16).push(-1).push(1000).jmp(0).jnz(3).ldr(Cpu64Machine.C, -8).build(), p);
        assertEquals("push 18446744073709551615", p.instructions().get(1).toString());
        assertEquals("ldr c, 18446744073709551608", p.instructions().get(5).toString());
    }

    private static AssemblyException error(String source) {
        return assertThrows(AssemblyException.class, () -> Cpu64Assembler.parse(source));
    }

    private static void assertError(String source, int line, int column, String message) {
        AssemblyException e = error(source);
        assertEquals(line, e.line(), "line of: " + e.getMessage());
        assertEquals(column, e.column(), "column of: " + e.getMessage());
        assertEquals("line " + line + ", column " + column + ": " + message, e.getMessage());
    }

    @Test
    void unknownMnemonicSuggestsTheClosest() {
        assertError("push 1\n  psuh 2\n", 2, 3, "unknown instruction `psuh`; did you mean `push`?");
        assertError("loop:  jnzz loop", 1, 8, "unknown instruction `jnzz`; did you mean `jnz`?");
        assertError("\n\n    adi a, 1", 3, 5, "unknown instruction `adi`; did you mean `add`?");
        assertError("frobnicate", 1, 1, "unknown instruction `frobnicate`");
    }

    @Test
    void wrongOperandCount() {
        assertError("push", 1, 1, "`push` takes 1 operand, not 0");
        assertError("halt\n   add 1", 2, 4, "`add` takes 0 operands, not 1");
        assertError("x: addi a", 1, 4, "`addi` takes 2 operands, not 1");
        assertError("ldr a, 0, 8", 1, 1, "`ldr` takes 2 operands, not 3");
    }

    @Test
    void unknownRegister() {
        assertError("push 1\nset e", 2, 5, "`e` is not a register; did you mean `a`?");
        assertError("get   rax", 1, 7, "`rax` is not a register; did you mean `a`?");
        assertError("addi  A, 1", 1, 7, "`A` is not a register; did you mean `a`?");
        assertError("ldr b, 8\nstr zzzz, 8", 2, 5, "`zzzz` is not a register");
    }

    @Test
    void unknownLabel() {
        assertError("loop: push 1\n      jmp lop", 2, 11, "`lop` is neither a number nor a label; did you mean `loop`?");
        assertError("call nowhere", 1, 6, "`nowhere` is neither a number nor a label");
        assertError("addi a, loop2\nloop: halt", 1, 9, "`loop2` is neither a number nor a label; did you mean `loop`?");
    }

    @Test
    void badLabels() {
        assertError("x: push 1\n  x: pop", 2, 3, "label `x` is defined twice");
        assertError("push 1\n 1x: pop", 2, 2, "`1x` is not a valid label");
        assertError("jmp 12abc", 1, 5, "`12abc` is neither a number nor a label");
    }

    @Test
    void unknownBundledProgram() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Programs.source("quicksort"));
        assertTrue(e.getMessage().contains("no bundled program `quicksort`"), e.getMessage());
    }

    @Test
    void bundledProgramErrorsPointIntoTheSource() {
        String source = Programs.source("bubble_sort").replace("ldr c, 0            ; [x x y]", "ldr q, 0            ; [x x y]");
        AssemblyException e = error(source);
        List<String> lines = source.lines().toList();
        String line = lines.get(e.line() - 1);
        assertTrue(line.contains("ldr q, 0"), line);
        assertEquals(line.indexOf("q, 0") + 1, e.column());
    }
}
