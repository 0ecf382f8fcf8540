package dev.zkjvm.example.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.example.SeedDescriptor;
import dev.zkjvm.example.SeedMachine;
import dev.zkjvm.example.SeedProgram;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.segment.Segment;
import dev.zkjvm.runtime.segment.SegmentState;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run cut into segments and each segment replayed alone on a new machine gives back the plain
 * run's trace record for record, for every bundled Cpu64 program, several runs in a row, a machine
 * of multi-limb words with unaligned accesses, and every kind of segment size.
 */
class SegmentedRunTest {
    private static final Cpu64Descriptor CPU64 = new Cpu64Descriptor();
    private static final long[] WORDS = new SplittableRandom(7).longs(9).toArray();

    static List<U64> words(long... values) {
        return LongStream.of(values).mapToObj(U64::of).toList();
    }

    /** Checks the segment sizes the brief names: 1, 2, 7, one that divides the steps, one larger than the run. */
    static <W extends dev.zkjvm.runtime.Word<W>, P> void checkAllSizes(SegmentOracle<W, P> oracle) {
        long total = oracle.plain.totalSteps();
        for (long size : new long[] {1, 2, 7, divisorOf(total), total, total + 5}) {
            List<Segment> segments = oracle.check(size);
            assertEquals(Math.max(1, (total + size - 1) / size), segments.size(), "segments of " + size);
        }
    }

    /** The largest divisor of {@code total} below it (above 2 if there is one), so segments fill exactly. */
    static long divisorOf(long total) {
        for (long d = total / 2; d > 2; d--) {
            if (total % d == 0) {
                return d;
            }
        }
        return Math.max(1, total);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fibonacci", "factorial", "array_sum", "bubble_sort", "hash_preimage"})
    void everyBundledProgramReplaysSegmentBySegment(String name) {
        List<U64> input;
        List<U64> advice = List.of();
        switch (name) {
            case "fibonacci" -> input = words(13);
            case "factorial" -> input = words(9);
            case "hash_preimage" -> {
                input = words(Programs.hashOf(WORDS));
                advice = words(Programs.counted(WORDS));
            }
            default -> input = words(Programs.counted(WORDS));
        }
        SegmentOracle<U64, Cpu64Program> oracle = new SegmentOracle<>(CPU64, List.of(Programs.program(name)),
                input, advice);
        assertTrue(oracle.plain.totalSteps() > 20, name + " runs long enough to have several segments");
        checkAllSizes(oracle);
    }

    @Test
    void severalRunsWithAnEmptyOneSegmentsCrossRunBoundaries() {
        List<Cpu64Program> runs = List.of(Programs.program("fibonacci"), new Cpu64Program(List.of()),
                Programs.program("factorial"), Programs.program("bubble_sort"));
        long[] sortInput = Programs.counted(Arrays.copyOf(WORDS, 4));
        long[] input = LongStream.concat(LongStream.of(5, 6), LongStream.of(sortInput)).toArray();
        SegmentOracle<U64, Cpu64Program> oracle = new SegmentOracle<>(CPU64, runs, words(input), List.of());
        assertEquals(0, oracle.plain.steps().get(1));
        checkAllSizes(oracle);
        List<Segment> segments = oracle.check(7);
        assertTrue(segments.stream().anyMatch(s -> s.start().run() < s.end().run() && s.end().run() < runs.size()),
                "some segment starts in one run and ends in a later one");
        assertTrue(segments.stream().anyMatch(s -> s.start().run() == 2 && s.start().pc() > 0),
                "some segment starts in the middle of a run after the first");
    }

    @Test
    void aRunOfNoStepIsOneSegmentOfNoStep() {
        List<Cpu64Program> runs = List.of(new Cpu64Program(List.of()));
        SegmentOracle<U64, Cpu64Program> oracle = new SegmentOracle<>(CPU64, runs, List.of(), List.of());
        List<Segment> segments = oracle.check(4);
        assertEquals(1, segments.size());
        assertEquals(0, segments.get(0).steps());
        assertEquals(0, segments.get(0).cells().length);
        assertEquals(new SegmentState(1, 0, 0, 0, 0, 0, 0), segments.get(0).end());
    }

    @Test
    void multiLimbWordsWithUnalignedAccessesOverTwoRuns() {
        long base = SeedMachine.LAYOUT.memoryBase();
        SeedProgram first = SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1))
                .read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .load(SeedMachine.R3, U256.of(base + 70))
                .build();
        SeedProgram second = SeedProgram.builder()
                .mov(SeedMachine.R0, SeedMachine.R3).save(U256.of(base + 95), SeedMachine.R0)
                .load(SeedMachine.R2, U256.of(base + 90)).push(U256.of(1)).push(U256.of(2))
                .build();
        SegmentOracle<U256, SeedProgram> oracle = new SegmentOracle<>(new SeedDescriptor(), List.of(first, second),
                List.of(), List.of());
        assertTrue(oracle.plain.trace().wordType().limbs() > 1);
        checkAllSizes(oracle);
    }
}
