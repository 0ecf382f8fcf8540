package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The "matches" verdict of {@code zkvm run} compares the machine's output with plain Java: it says
 * so for honest runs, and says DIFFERS when the machine computed something else.
 */
class BundledReferenceTest {
    private static final long[] WORDS = new SplittableRandom(7).longs(40).toArray();

    private static final long[] COUNTED = Programs.counted(WORDS);

    private static MachineRun<U64> run(String source, long[] input, long[] advice) {
        return new Cpu64Descriptor().execute(List.of(Cpu64Assembler.parse(source)), words(input), words(advice));
    }

    private static List<U64> words(long[] values) {
        return Arrays.stream(values).mapToObj(U64::of).toList();
    }

    private static BundledReference.Verdict verdict(String name, String source, long[] input, long[] advice) {
        MachineRun<U64> run = run(source, input, advice);
        return BundledReference.compare(name, input, advice, BundledReference.actual(run));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fibonacci", "factorial", "array_sum", "bubble_sort", "hash_preimage"})
    void anHonestRunOfEachBundledProgramMatchesJava(String name) {
        long[] input = switch (name) {
            case "fibonacci", "factorial" -> new long[] {93};
            case "hash_preimage" -> new long[] {Programs.hashOf(WORDS)};
            default -> COUNTED;
        };
        long[] advice = name.equals("hash_preimage") ? COUNTED : new long[0];
        BundledReference.Verdict verdict = verdict(name, Programs.source(name), input, advice);
        assertTrue(verdict.matches(), verdict.text());
    }

    @Test
    void javasReferenceValuesAreTheKnownOnes() {
        // fib(93) is the largest that fits 64 bits unsigned; 21! is the first factorial that wraps.
        long[] none = new long[0];
        assertEquals(Long.parseUnsignedLong("12200160415121876738"),
                BundledReference.expected("fibonacci", new long[] {93}, none)[0]);
        assertEquals(Long.parseUnsignedLong("14197454024290336768"),
                BundledReference.expected("factorial", new long[] {21}, none)[0]);
        assertArrayEquals(new long[] {1, 2, -3, -1},
                BundledReference.expected("bubble_sort", new long[] {4, -1, 2, -3, 1}, none));
        assertEquals(-1L + 2, BundledReference.expected("array_sum", new long[] {2, -1, 2}, none)[0]);
        assertArrayEquals(none, BundledReference.expected("hash_preimage", new long[] {7}, new long[] {0}));
    }

    @Test
    void aMachineThatSortsSignedInsteadOfUnsignedIsCaught() {
        // The same bubble sort with a signed comparison: a machine computing the wrong order.
        String signed = Programs.source("bubble_sort").replace("ltu", "lts");
        assertTrue(!signed.equals(Programs.source("bubble_sort")), "the program compares with ltu");
        BundledReference.Verdict verdict = verdict("bubble_sort", signed, COUNTED, new long[0]);
        assertFalse(verdict.matches(), verdict.text());
        assertTrue(verdict.text().contains("DIFFERS from Java's Arrays.sort in unsigned order at index"), verdict.text());
    }

    @Test
    void aHashProgramThatAcceptsAnythingIsCaught() {
        // A preimage program whose check always passes halts on a wrong digest; Java's hash disagrees.
        String lax = Programs.source("hash_preimage").replace("jnz accept", "jmp accept");
        assertTrue(!lax.equals(Programs.source("hash_preimage")), "the program branches with jnz accept");
        long[] input = {Programs.hashOf(WORDS) + 1};
        BundledReference.Verdict verdict = verdict("hash_preimage", lax, input, COUNTED);
        assertFalse(verdict.matches(), verdict.text());
        assertTrue(verdict.text().contains("but Java's hash is " + Long.toUnsignedString(Programs.hashOf(WORDS))),
                verdict.text());
    }

    @Test
    void aWrongOutputIsReportedWithTheFirstDifference() {
        long[] none = new long[0];
        long[] sorted = BundledReference.expected("bubble_sort", COUNTED, none);
        long[] wrong = sorted.clone();
        long swap = wrong[5];
        wrong[5] = wrong[6];
        wrong[6] = swap;
        BundledReference.Verdict verdict = BundledReference.compare("bubble_sort", COUNTED, none, wrong);
        assertFalse(verdict.matches());
        assertTrue(verdict.text().contains("at index 5 (machine " + Long.toUnsignedString(sorted[6]) + ", Java "
                + Long.toUnsignedString(sorted[5]) + ")"), verdict.text());
        BundledReference.Verdict sum = BundledReference.compare("array_sum", COUNTED, none,
                new long[] {BundledReference.expected("array_sum", COUNTED, none)[0] + 1});
        assertFalse(sum.matches(), sum.text());
        BundledReference.Verdict missing = BundledReference.compare("fibonacci", new long[] {10}, none, none);
        assertFalse(missing.matches(), missing.text());
        assertTrue(BundledReference.compare("bubble_sort", COUNTED, none, sorted).matches());
    }
}
