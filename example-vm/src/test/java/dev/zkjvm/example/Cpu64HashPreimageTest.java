package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.InputExhaustedException;
import dev.zkjvm.runtime.InvalidJumpException;
import dev.zkjvm.runtime.StepLimitExceededException;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.VmException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code hash_preimage.asm}: it halts for the right private words and fails with a typed
 * {@link VmException} for every wrong one, so that only a true statement has a run (and a proof).
 */
class Cpu64HashPreimageTest {
    private static final Cpu64Program PROGRAM = Programs.program("hash_preimage");
    /** Steps from the `in` that reads the digest to the end: in, eq, jnz, halt. Before it the hash is alone on the stack. */
    private static final long IN_OFFSET_FROM_END = 4;

    /** A fresh machine given {@code input} and {@code advice}. */
    private static Cpu64Machine machine(long[] input, long[] advice) {
        Cpu64Machine m = Cpu64Machine.create();
        m.supplyInput(input);
        m.supplyAdvice(advice);
        return m;
    }

    /** Known answers of the hash, computed independently of Java's {@code long} arithmetic. */
    @Test
    void javaReferenceKnownAnswers() {
        assertEquals(0x9091d60726574ae6L, Programs.hashOf(new long[0]));
        assertEquals(0x7058735b668a95f6L, Programs.hashOf(new long[] {0}));
        assertEquals(0x6031c2d54520f2dbL, Programs.hashOf(new long[] {1, 2, 3}));
        assertEquals(0x907f494c9202b003L, Programs.hashOf(new long[] {-1, Long.MIN_VALUE}));
    }

    /** The program's hash, read off the stack just before it reads the digest, is Java's. */
    @Test
    void theProgramComputesTheJavaHash() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 2, 3, 10, 64}) {
            long[] words = random.longs(n).toArray();
            Cpu64Machine m = machine(new long[0], Programs.counted(words));
            long beforeIn = 7L * n + 23 - IN_OFFSET_FROM_END;
            assertThrows(StepLimitExceededException.class, () -> m.run(PROGRAM, beforeIn));
            assertEquals("in", PROGRAM.instructions().get((int) m.context().programCounter()).mnemonic());
            assertEquals(List.of(U64.of(Programs.hashOf(words))), m.context().stack(), n + " words");
        }
    }

    @Test
    void haltsForTheRightPreimageWithEmptyOutput() {
        SplittableRandom random = new SplittableRandom(9);
        for (int n : new int[] {0, 1, 2, 5, 100}) {
            long[] words = random.longs(n).toArray();
            Programs.Outcome o = Programs.hashPreimage(words);
            assertTrue(o.machine().context().halted());
            assertArrayEquals(new long[0], o.output(), "the output reveals nothing");
            assertArrayEquals(new long[] {Programs.hashOf(words)}, o.input());
            assertEquals(7L * n + 23, o.steps());
            assertEquals(n + 1, o.machine().streams().advice().size(), "every advice word is read");
            assertEquals(0, o.machine().context().stackDepth());
            Cpu64ProgramsTest.checkTrace(o);
        }
    }

    @Test
    void aWrongWordFailsAtTheFinalJump() {
        long[] words = {10, 20, 30, 40};
        long digest = Programs.hashOf(words);
        for (int i = 0; i < words.length; i++) {
            long[] wrong = words.clone();
            wrong[i] ^= 1L << i;
            assertRejectedAtTheJump(new long[] {digest}, Programs.counted(wrong));
        }
        assertRejectedAtTheJump(new long[] {digest + 1}, Programs.counted(words));
        assertRejectedAtTheJump(new long[] {digest}, Programs.counted(new long[] {20, 10, 30, 40}));
    }

    @Test
    void aWrongLengthFails() {
        long[] words = {10, 20, 30, 40};
        long digest = Programs.hashOf(words);
        long[] shorter = Programs.counted(words);
        shorter[0] = 3; // hashes 3 of the 4 words, and the length 3: another message
        assertRejectedAtTheJump(new long[] {digest}, shorter);

        long[] longer = Programs.counted(words);
        longer[0] = 5; // asks for a fifth word that is not there
        Cpu64Machine reference = machine(new long[] {digest}, longer);
        long failing = 9 + 7L * 4; // the fifth `adv`
        assertThrows(StepLimitExceededException.class, () -> reference.run(PROGRAM, failing));
        Cpu64Machine m = machine(new long[] {digest}, longer);
        InputExhaustedException e = assertThrows(InputExhaustedException.class, () -> m.run(PROGRAM));
        assertEquals(failing, e.step());
        assertEquals("adv", e.instruction());
        assertTrue(e.getMessage().contains("advice word 5, but the advice has 5 words"), e.getMessage());
        assertEquals(FailureAtomicityTest.snapshot(reference), FailureAtomicityTest.snapshot(m),
                "the machine is left as before the failing `adv`");
        assertEquals(reference.streams(), m.streams(), "and the failing `adv` consumed nothing");
    }

    @Test
    void missingAdviceOrDigestFails() {
        Cpu64Machine noAdvice = machine(new long[] {Programs.hashOf(new long[0])}, new long[0]);
        InputExhaustedException e = assertThrows(InputExhaustedException.class, () -> noAdvice.run(PROGRAM));
        assertEquals(1, e.step(), "the first `adv`");
        assertEquals("adv", e.instruction());
        assertEquals(List.of(U64.of(0xcbf29ce484222325L)), noAdvice.context().stack(), "the step before it stays");
        assertEquals(1, noAdvice.context().step());
        assertTrue(noAdvice.streams().isEmpty());

        long[] words = {7};
        Cpu64Machine noDigest = machine(new long[0], Programs.counted(words));
        InputExhaustedException f = assertThrows(InputExhaustedException.class, () -> noDigest.run(PROGRAM));
        assertEquals("in", f.instruction());
        assertEquals(List.of(U64.of(Programs.hashOf(words))), noDigest.context().stack());
    }

    /** The run fails at `jmp 1000000` with the state before it, and so never ends. */
    private static void assertRejectedAtTheJump(long[] input, long[] advice) {
        Cpu64Machine m = machine(input, advice);
        InvalidJumpException e = assertThrows(InvalidJumpException.class, () -> m.run(PROGRAM));
        assertEquals("jmp 1000000", e.instruction());
        assertEquals(PROGRAM.instructions().size() - 2, m.context().programCounter());
        assertEquals(e.step(), m.context().step(), "the failing step is not counted");
        assertEquals(0, m.context().stackDepth());
        assertTrue(!m.context().halted());
        assertEquals(List.of(), m.output());
    }
}
