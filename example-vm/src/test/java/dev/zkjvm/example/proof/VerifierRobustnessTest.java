package dev.zkjvm.example.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.stark.VerifyOptions;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import dev.zkjvm.runtime.U64;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated static API on malformed proofs and on repeated calls: the boolean verify returns
 * false and never throws, a malformed proof of any claimed length costs no verifying key, and a
 * second verify of the same program (an equal program built again) reuses the first one's key.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifierRobustnessTest {
    private CalculatorProgram program;
    private byte[] proofBytes;

    /** The program, built anew on every call: equal content, another object. */
    private static CalculatorProgram calculatorProgram() {
        return CalculatorProgram.builder().push(6).push(7).mul().push(5).add().store().push(3).save(8).build();
    }

    @BeforeAll
    void proveOnce() {
        program = calculatorProgram();
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(program);
        proofBytes = CalculatorCircuit.prove(program, vm.trace()).toBytes();
    }

    @Test
    void aSecondVerifyOfTheSameProgramReusesItsKey() throws Exception {
        StarkProof proof = StarkProof.fromBytes(proofBytes);
        assertTrue(CalculatorCircuit.verify(calculatorProgram(), proof));
        MachineCircuit<U64> circuit = CalculatorCircuit.circuit(List.of(calculatorProgram()));
        int derived = circuit.derivedKeys();
        assertTrue(derived >= 1, "the first verify derived the key");
        assertTrue(CalculatorCircuit.verify(calculatorProgram(), proof));
        CalculatorCircuit.verify(List.of(calculatorProgram()), proof, StarkConfig.DEFAULT);
        assertSame(circuit, CalculatorCircuit.circuit(List.of(calculatorProgram())), "one circuit per program");
        assertEquals(derived, circuit.derivedKeys(), "no key derived again");
        assertSame(circuit.verifyingKey(proof.logRows(), StarkConfig.DEFAULT),
                CalculatorCircuit.circuit(List.of(calculatorProgram())).verifyingKey(proof.logRows(),
                        StarkConfig.DEFAULT));
        // another program is another circuit with its own key
        CalculatorProgram other = CalculatorProgram.builder().push(6).push(7).mul().build();
        assertFalse(CalculatorCircuit.verify(other, proof));
        assertTrue(CalculatorCircuit.circuit(List.of(other)) != circuit);
    }

    @Test
    void thirtyEightBytesClaimingTwoToTheTwentyTwoRowsAreRejectedWithoutAKey() throws Exception {
        // this program's circuit, new to the cache: no key yet
        CalculatorProgram fresh = CalculatorProgram.builder().push(1).push(2).add().store().build();
        byte[] header = Arrays.copyOf(proofBytes, 10);
        header[1] = 22; // the trace length: 2^22 rows
        // no root, no out-of-domain value, a FRI proof of one empty layer (domain 2^24), no opening
        String fri = "01180401" + "0000" + "0000000000000000" + "0000" + "0000";
        byte[] tail = HexFormat.of().parseHex("00" + "00000000" + "00000012" + fri + "00");
        byte[] bytes = new byte[header.length + tail.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(tail, 0, bytes, header.length, tail.length);
        assertEquals(38, bytes.length);
        StarkProof garbage = StarkProof.fromBytes(bytes);
        assertEquals(22, garbage.logRows());
        assertFalse(CalculatorCircuit.verify(fresh, garbage));
        MachineCircuit<U64> circuit = CalculatorCircuit.circuit(List.of(fresh));
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> circuit.verify(garbage, StarkConfig.DEFAULT));
        assertTrue(e.getMessage().contains("roots"), e.getMessage());
        assertEquals(0, circuit.derivedKeys());
        // a caller's narrower policy refuses the claim by its length alone
        InvalidProofException policy = assertThrows(InvalidProofException.class,
                () -> circuit.verify(garbage, StarkConfig.DEFAULT, VerifyOptions.upToLogRows(18)));
        assertTrue(policy.getMessage().contains("policy allows at most 2^18"), policy.getMessage());
    }

    @Test
    void theBooleanVerifyReturnsFalseOnPrefixesFlipsAndRandomBytes() {
        // the proof is about half a megabyte: the first and last 200 prefixes and 400 between
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 800; i++) {
            int length = i < 200 ? i : i < 400 ? proofBytes.length - (i - 199) : random.nextInt(proofBytes.length);
            assertThrows(InvalidProofException.class, () -> StarkProof.fromBytes(Arrays.copyOf(proofBytes, length)));
        }
        int decoded = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] flipped = proofBytes.clone();
            int at = random.nextInt(flipped.length);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            decoded += booleanVerifyRejects(flipped);
        }
        for (int trial = 0; trial < 400; trial++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            System.arraycopy(proofBytes, 0, bytes, 0, Math.min(bytes.length, random.nextInt(64)));
            decoded += booleanVerifyRejects(bytes);
        }
        assertTrue(decoded > 300, "most flipped proofs still decode and reach the verifier: " + decoded);
    }

    /** 1 if the bytes decode (and the boolean verify then returned false), 0 if decoding refused them. */
    private int booleanVerifyRejects(byte[] bytes) {
        StarkProof proof;
        try {
            proof = StarkProof.fromBytes(bytes);
        } catch (InvalidProofException e) {
            return 0;
        }
        assertFalse(CalculatorCircuit.verify(program, proof));
        return 1;
    }
}
