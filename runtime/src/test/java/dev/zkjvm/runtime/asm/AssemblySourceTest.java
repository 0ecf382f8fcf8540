package dev.zkjvm.runtime.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssemblySourceTest {
    @Test
    void parsesLabelsCommentsAndOperands() {
        List<AssemblyLine> lines = AssemblySource.parse("""
                ; a comment
                start: push 0x10   # hex
                  mov a, b
                loop:
                  jmp loop
                  jmp end
                end: halt
                """);
        assertEquals(5, lines.size());
        assertEquals("push", lines.get(0).mnemonic());
        assertEquals(U64.of(16), lines.get(0).word(0, U64.TYPE));
        assertEquals(List.of("a", "b"), lines.get(1).operands());
        assertEquals(U64.of(2), lines.get(2).word(0, U64.TYPE));
        assertEquals(U64.of(4), lines.get(3).word(0, U64.TYPE), "labels may be used before they are defined");
        assertEquals(7, lines.get(4).line());
    }

    @Test
    void reportsLineAndColumnWithSuggestions() {
        List<AssemblyLine> lines = AssemblySource.parse("push 1\n  mov r0, rx\n");
        AssemblyException e = assertThrows(AssemblyException.class,
                () -> lines.get(1).register(1, List.of(new Reg(0, "r0"), new Reg(1, "r1"))));
        assertEquals(2, e.line());
        assertEquals(11, e.column());
        assertEquals("line 2, column 11: `rx` is not a register; did you mean `r0`?", e.getMessage());
        AssemblyLine typo = AssemblySource.parse("\n psh 1").get(0);
        assertEquals("line 2, column 2: unknown instruction `psh`; did you mean `push`?",
                typo.unknownMnemonic(List.of("push", "pop", "add")).getMessage());
        assertEquals("line 2, column 2: unknown instruction `psh`",
                typo.unknownMnemonic(List.of("mul")).getMessage());
        assertThrows(AssemblyException.class, () -> AssemblySource.parse("a: push 1\na: pop"));
        assertThrows(AssemblyException.class, () -> AssemblySource.parse("push 1,"));
        assertEquals("line 1, column 1: `push` takes 2 operands, not 1",
                assertThrows(AssemblyException.class, () -> lines.get(0).expectOperands(2)).getMessage());
    }
}
