package dev.zkjvm.example.failclosed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.runtime.Reg;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A register operand is decoded in full, as the VM decodes it: an index the machine does not have
 * is no register, even where its low 16-bit limb names one.
 */
@Tag("slow")
class OperandDecodingTest {
    @Test
    void registerSixtyFiveThousandFiveHundredThirtySixIsNotRegisterA() {
        Cpu64Program honest = Cpu64Assembler.parse("push 9\nset a\nget a\n");
        Cpu64Program wide = Cpu64Program.builder().push(9).set(Cpu64Machine.A).get(new Reg(65536, "r65536")).build();
        assertThrows(RuntimeException.class, () -> Cpu64Machine.create().run(wide));
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(honest);
        Cpu64Circuit.check(honest, vm.trace()).assertSatisfied();
        // the forged claim: the run of `get a` passed off as a run of `get r65536`
        CheckReport report = Cpu64Circuit.check(List.of(wide), vm.trace());
        assertFalse(report.isSatisfied(), "get r65536 was accepted as get a");
    }
}
