package dev.zkjvm.example.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.example.Cpu64Assembler;
import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
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

    private static MachineRun<U64> run(String source, long[] words, long registerA) {
        List<Cpu64Program> runs = List.of(Programs.loader(words, registerA), Cpu64Assembler.parse(source));
        return new Cpu64Descriptor().execute(runs);
    }

    private static BundledReference.Verdict verdict(String name, String source, long[] words, long registerA) {
        MachineRun<U64> run = run(source, words, registerA);
        return BundledReference.compare(name, words, registerA, BundledReference.actual(name, run, words.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fibonacci", "factorial", "array_sum", "bubble_sort"})
    void anHonestRunOfEachBundledProgramMatchesJava(String name) {
        boolean takesWords = name.equals("array_sum") || name.equals("bubble_sort");
        long[] words = takesWords ? WORDS : new long[0];
        long registerA = takesWords ? WORDS.length : 93;
        BundledReference.Verdict verdict = verdict(name, Programs.source(name), words, registerA);
        assertTrue(verdict.matches(), verdict.text());
    }

    @Test
    void javasReferenceValuesAreTheKnownOnes() {
        // fib(93) is the largest that fits 64 bits unsigned; 21! is the first factorial that wraps.
        assertEquals(Long.parseUnsignedLong("12200160415121876738"),
                BundledReference.expected("fibonacci", new long[0], 93)[0]);
        assertEquals(Long.parseUnsignedLong("14197454024290336768"),
                BundledReference.expected("factorial", new long[0], 21)[0]);
        assertArrayEquals(new long[] {1, 2, -3, -1}, BundledReference.expected("bubble_sort", new long[] {-1, 2, -3, 1}, 4));
        assertEquals(-1L + 2, BundledReference.expected("array_sum", new long[] {-1, 2}, 2)[0]);
    }

    @Test
    void aMachineThatSortsSignedInsteadOfUnsignedIsCaught() {
        // The same bubble sort with a signed comparison: a machine computing the wrong order.
        String signed = Programs.source("bubble_sort").replace("ltu", "lts");
        assertTrue(!signed.equals(Programs.source("bubble_sort")), "the program compares with ltu");
        BundledReference.Verdict verdict = verdict("bubble_sort", signed, WORDS, WORDS.length);
        assertFalse(verdict.matches(), verdict.text());
        assertTrue(verdict.text().contains("DIFFERS from Java's Arrays.sort in unsigned order at index"), verdict.text());
    }

    @Test
    void aWrongOutputIsReportedWithTheFirstDifference() {
        long[] sorted = BundledReference.expected("bubble_sort", WORDS, WORDS.length);
        long[] wrong = sorted.clone();
        long swap = wrong[5];
        wrong[5] = wrong[6];
        wrong[6] = swap;
        BundledReference.Verdict verdict = BundledReference.compare("bubble_sort", WORDS, WORDS.length, wrong);
        assertFalse(verdict.matches());
        assertTrue(verdict.text().contains("at index 5 (machine " + Long.toUnsignedString(sorted[6]) + ", Java "
                + Long.toUnsignedString(sorted[5]) + ")"), verdict.text());
        BundledReference.Verdict sum = BundledReference.compare("array_sum", WORDS, WORDS.length,
                new long[] {BundledReference.expected("array_sum", WORDS, WORDS.length)[0] + 1});
        assertFalse(sum.matches(), sum.text());
        assertTrue(BundledReference.compare("bubble_sort", WORDS, WORDS.length, sorted).matches());
    }
}
