package dev.zkjvm.example.alu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.U64;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The three machines built from the one instruction set {@link AluIsa} run a program that uses
 * every instruction, with the results their word sizes give, and each run checks, proves and
 * verifies: the inherited bodies are the machine's bodies, in the VM and in the circuit.
 */
@Tag("slow")
class AluProofTest {
    /** Light proving parameters: the tests are about the machines, not the security level. */
    private static final StarkConfig LIGHT = new StarkConfig(new FriParameters(4, 4, 12, 8, 7), HashAlgorithm.SHA256);

    /** Every instruction of {@link AluIsa} but the streams ({@link AluStreamsTest}); leaves [x, 42 (stored and loaded back), 41 (the pc of here)] with x depending on the word size. */
    private static String program(long memoryBase) {
        return """
                push 7
                push 5
                add
                push 3
                sub
                push 6
                mul
                push 255
                and
                push 256
                or
                push 1
                xor
                push 30
                shl
                push 1
                shr
                not
                mix
                push 9
                push 4
                push 1
                sel
                set
                push 3
                push 2
                ltu
                push 5
                push 6
                lts
                eq
                jz skip
                push 99
                pop
                skip:
                push 40
                push 2
                add
                push %d
                store
                push %d
                load
                here
                """.formatted(memoryBase, memoryBase);
    }

    @Test
    void alu32RunsChecksProvesAndVerifies() throws Exception {
        Alu32Program program = Alu32Assembler.parse(program(Alu32Machine.LAYOUT.memoryBase()));
        Alu32Machine vm = Alu32Machine.create();
        vm.run(program);
        assertEquals(List.of(U32.of(expectedX(32).longValue()), U32.of(42), U32.of(41)), vm.context().stack());
        assertEquals(U32.of(9), vm.context().register(Alu32Machine.R));
        CheckReport report = Alu32Circuit.check(program, vm.trace());
        assertTrue(report.isSatisfied(), report::toString);
        StarkProof proof = Alu32Circuit.prove(List.of(program), vm.trace(), LIGHT, ProofProgress.SILENT);
        Alu32Circuit.verify(List.of(program), StarkProof.fromBytes(proof.toBytes()), LIGHT);
        Alu32Program other = Alu32Assembler.parse(program(Alu32Machine.LAYOUT.memoryBase()) + "pop\n");
        assertFalse(Alu32Circuit.verify(other, proof), "a proof of one program verified for another");
    }

    @Test
    void alu64RunsChecksProvesAndVerifies() throws Exception {
        Alu64Program program = Alu64Assembler.parse(program(Alu64Machine.LAYOUT.memoryBase()));
        Alu64Machine vm = Alu64Machine.create();
        vm.run(program);
        assertEquals(List.of(U64.of(expectedX(64).longValue()), U64.of(42), U64.of(41)), vm.context().stack());
        assertEquals(U64.of(9), vm.context().register(Alu64Machine.R));
        CheckReport report = Alu64Circuit.check(program, vm.trace());
        assertTrue(report.isSatisfied(), report::toString);
        StarkProof proof = Alu64Circuit.prove(List.of(program), vm.trace(), LIGHT, ProofProgress.SILENT);
        Alu64Circuit.verify(List.of(program), StarkProof.fromBytes(proof.toBytes()), LIGHT);
    }

    @Test
    void alu256RunsChecksProvesAndVerifies() throws Exception {
        Alu256Program program = Alu256Assembler.parse(program(Alu256Machine.LAYOUT.memoryBase()));
        Alu256Machine vm = Alu256Machine.create();
        vm.run(program);
        assertEquals(List.of(U256.of(expectedX(256)), U256.of(42), U256.of(41)), vm.context().stack());
        assertEquals(U256.of(9), vm.context().register(Alu256Machine.R));
        CheckReport report = Alu256Circuit.check(program, vm.trace());
        assertTrue(report.isSatisfied(), report::toString);
        StarkProof proof = Alu256Circuit.prove(List.of(program), vm.trace(), LIGHT, ProofProgress.SILENT);
        Alu256Circuit.verify(List.of(program), StarkProof.fromBytes(proof.toBytes()), LIGHT);
    }

    /**
     * The first value the program leaves, computed independently with {@link BigInteger} modulo
     * 2^bits: ((((7 + 5 - 3) * 6) & 255 | 256) ^ 1) << 30 >>> 1, inverted, then mixed
     * ((x << 3) ^ (x >>> 13)).
     */
    private static BigInteger expectedX(int bits) {
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger x = BigInteger.valueOf((((7 + 5 - 3) * 6) & 255 | 256) ^ 1);
        x = x.shiftLeft(30).and(mask).shiftRight(1);
        x = x.xor(mask);
        return x.shiftLeft(3).and(mask).xor(x.shiftRight(13));
    }
}
