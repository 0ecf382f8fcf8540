package dev.zkjvm.example.alu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The streams on the three word sizes of one instruction set ({@link AluIsa}'s {@code in},
 * {@code adv}, {@code out}): a word's 2, 4 or 16 limbs go over the public buses, and a proof verifies
 * for exactly its input and output.
 */
@Tag("slow")
class AluStreamsTest {
    private static final StarkConfig LIGHT = new StarkConfig(new FriParameters(4, 4, 12, 8, 7), HashAlgorithm.SHA256);

    /** out(input[0] + advice[0]), then out(input[1]). */
    private static final String PROGRAM = "in\nadv\nadd\nout\nin\nout\n";

    @Test
    void alu32() throws Exception {
        streams(new Alu32Descriptor());
    }

    @Test
    void alu64() throws Exception {
        streams(new Alu64Descriptor());
    }

    @Test
    void alu256() throws Exception {
        streams(new Alu256Descriptor());
    }

    private static <W extends Word<W>, P> void streams(MachineDescriptor<W, P> machine) throws Exception {
        WordType<W> type = machine.wordType();
        W allOnes = type.parse("-1");
        List<W> input = List.of(allOnes, type.parse("0x1234"));
        List<W> advice = List.of(type.of(2));
        List<P> runs = List.of(machine.parse(PROGRAM));
        MachineRun<W> run = machine.execute(runs, input, advice);
        // 2^bits - 1 + 2 wraps to 1
        assertEquals(List.of(type.of(1), type.parse("0x1234")), run.output());
        MachineCircuit<W> circuit = machine.circuit(runs);
        circuit.check(run.trace(), machine::mnemonicOf).assertSatisfied();
        TableProof proof = circuit.proveTables(run.trace(), machine::mnemonicOf, LIGHT, true);
        assertTrue(circuit.isValidTables(proof, LIGHT, new Statement<>(input, run.output())));
        // the high limb of the first input changed: a 256-bit word's last limb is bound as its first
        W almost = allOnes.sub(type.of(1).shl(type.of(8L * type.bytes() - 1)));
        assertFalse(circuit.isValidTables(proof, LIGHT, new Statement<>(List.of(almost, input.get(1)), run.output())));
        assertFalse(circuit.isValidTables(proof, LIGHT, new Statement<>(input, List.of(type.of(1), type.of(0x1235)))));
        assertFalse(circuit.isValidTables(proof, LIGHT, new Statement<>(List.of(allOnes, input.get(1), type.of(2)),
                run.output())), "the advice claimed as public input");
    }
}
