package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.U64;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each bundled {@link Cpu64} program on its input and compares its output with plain Java,
 * then checks the shape of the trace. {@code hash_preimage}: {@link Cpu64HashPreimageTest}.
 */
@Tag("slow")
class Cpu64ProgramsTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** fib(n) mod 2^64, in plain Java (long arithmetic wraps mod 2^64). */
    private static long fib(long n) {
        long x = 0;
        long y = 1;
        for (long i = 0; i < n; i++) {
            long t = x + y;
            x = y;
            y = t;
        }
        return x;
    }

    /** n! mod 2^64, exactly, through BigInteger. */
    private static long factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f.mod(TWO_64).longValue();
    }

    @Test
    void fibonacciMatchesJavaIncludingWrapAround() {
        for (int n = 0; n <= 100; n++) {
            Programs.Outcome o = Programs.fibonacci(n);
            assertArrayEquals(new long[] {fib(n)}, o.output(), "fib(" + n + ")");
            assertEquals(0, o.machine().context().stackDepth());
            assertTrue(o.machine().context().halted());
            checkTrace(o);
        }
        // fib(93) is the last below 2^64 (but past 2^63), fib(94) the first past 2^64.
        BigInteger x = BigInteger.ZERO;
        BigInteger y = BigInteger.ONE;
        for (int i = 0; i < 94; i++) {
            BigInteger t = x.add(y);
            x = y;
            y = t;
        }
        assertTrue(x.compareTo(TWO_64) > 0);
        assertEquals(x.mod(TWO_64).longValue(), Programs.fibonacciValue(94));
        assertEquals(new BigInteger("12200160415121876738").longValue(), Programs.fibonacciValue(93));
        assertEquals(fib(1000), Programs.fibonacciValue(1000));
    }

    @Test
    void fibonacciStepCountIsLinear() {
        // 8 set-up steps, 9 per iteration, 3 to output and halt.
        for (int n : new int[] {1, 2, 10, 50}) {
            assertEquals(8 + 9L * n + 3, Programs.fibonacci(n).steps());
        }
        assertEquals(11, Programs.fibonacci(0).steps());
    }

    @Test
    void eachProgramIsOneRunThatReadsExactlyItsInput() {
        long[] words = {3, -1, 7};
        for (Programs.Outcome o : List.of(Programs.fibonacci(5), Programs.factorial(5), Programs.arraySum(words),
                Programs.bubbleSort(words), Programs.hashPreimage(words))) {
            assertEquals(List.of(Programs.program(o.name())), o.runs(), o.name());
            assertEquals(o.steps(), o.machine().context().step(), o.name());
            Streams<U64> streams = o.machine().streams();
            assertArrayEquals(o.input(), streams.input().stream().mapToLong(U64::longValue).toArray(),
                    o.name() + " reads every input word");
            assertEquals(streams, o.machine().trace().streams(), "the trace carries the streams");
            assertEquals(o.name().equals("hash_preimage") ? Programs.counted(words).length : 0,
                    streams.advice().size(), o.name() + " advice read");
        }
    }

    @Test
    void arraySumOfRandomArrays() {
        Random random = new Random(42);
        for (int len : new int[] {0, 1, 2, 3, 17, 100, 1000}) {
            long[] words = random.longs(len).toArray();
            long expected = 0;
            for (long w : words) {
                expected += w;
            }
            Programs.Outcome o = Programs.arraySum(words);
            assertArrayEquals(new long[] {expected}, o.output(), "sum of " + len);
            assertEquals(5L * len + 7, o.steps());
            assertEquals(0, o.machine().context().stackDepth());
            checkTrace(o);
        }
        long[] wrap = {-1L, 2L, Long.MIN_VALUE, Long.MIN_VALUE};
        assertEquals(1L, Programs.arraySumValue(wrap), "(2^64 - 1) + 2 + 2^63 + 2^63 = 1 mod 2^64");
        assertEquals(0L, Programs.arraySumValue(new long[0]));
    }

    /** The sort is by unsigned order ({@code ltu}): compared with Arrays.sort in unsigned order. */
    @Test
    void bubbleSortOfOneThousandRandomNumbersUnsignedOrder() {
        long[] words = new Random(7).longs(1000).toArray();
        Programs.Outcome o = Programs.bubbleSort(words);
        long[] expected = unsignedSorted(words);
        assertArrayEquals(expected, o.output());
        assertArrayEquals(expected, memory(o, 1000), "sorted in place in memory before the output");
        assertEquals(0, o.machine().context().stackDepth());
        checkTrace(o);
        // Exactly 10 steps per compared pair (both branches), N(N-1)/2 pairs; per pass 8 header steps
        // and 3 closing steps, plus one `jmp end` when the pass's last pair took the fall-through
        // branch; 6 steps per word to read it and 6 to write it out; 8 + 3 steps before the first
        // pass and 2 + 2 + 1 at the end (last header, output set-up, halt).
        long pairs = 1000L * 999 / 2;
        long fixed = 10 * pairs + 11 * 999 + 12 * 1000 + 16;
        assertTrue(o.steps() >= fixed && o.steps() <= fixed + 999, "steps " + o.steps());
        System.out.printf("bubble_sort(1000): %d steps, %d trace records%n", o.steps(), o.machine().trace().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 8, 33, 100})
    void bubbleSortSmallSizesAndEdgeValues(int n) {
        Random random = new Random(n);
        long[] words = new long[n];
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 2, -2};
        for (int i = 0; i < n; i++) {
            words[i] = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong();
        }
        Programs.Outcome o = Programs.bubbleSort(words);
        assertArrayEquals(unsignedSorted(words), o.output());
        // memory right after the array is untouched
        assertEquals(0, o.machine().context().memory(8L * n).longValue());
        checkTrace(o);
    }

    @Test
    void bubbleSortOfSortedReversedAndEqualInputs() {
        long[] ascending = new long[50];
        long[] descending = new long[50];
        long[] equal = new long[50];
        for (int i = 0; i < 50; i++) {
            ascending[i] = i;
            descending[i] = -1 - i; // unsigned descending
            equal[i] = 5;
        }
        assertArrayEquals(ascending, Programs.bubbleSorted(ascending));
        assertArrayEquals(unsignedSorted(descending), Programs.bubbleSorted(descending));
        assertArrayEquals(equal, Programs.bubbleSorted(equal));
    }

    @Test
    void factorialZeroToTwentyAndWrapAround() {
        for (int n = 0; n <= 20; n++) {
            Programs.Outcome o = Programs.factorial(n);
            assertArrayEquals(new long[] {factorial(n)}, o.output(), n + "!");
            assertEquals(0, o.machine().context().stackDepth(), "call/ret leave the stack empty");
            checkTrace(o);
        }
        assertEquals(2432902008176640000L, Programs.factorialValue(20));
        // 21! > 2^64, 25! wraps, 66! and beyond are 0 mod 2^64 (at least 64 factors of two).
        for (int n : new int[] {21, 25, 34, 65, 66, 100, 400}) {
            assertEquals(factorial(n), Programs.factorialValue(n), n + "! mod 2^64");
        }
        assertEquals(0, factorial(66));
        assertTrue(factorial(65) != 0);
    }

    @Test
    void factorialRecursionDepthUsesTheStack() {
        Programs.Outcome o = Programs.factorial(10);
        int max = 0;
        var trace = o.machine().trace();
        for (int i = 0; i < trace.size(); i++) {
            max = Math.max(max, trace.stackDepth(i));
        }
        // two words per level (return index and n) plus the call frame of the innermost level
        assertTrue(max >= 2 * 10 + 2, "max depth " + max);
        // 4 steps in the main part, 10 per level from 10 down to 1, 7 for the base case
        assertEquals(4 + 10 * 10 + 7, o.steps());
    }

    private static long[] unsignedSorted(long[] words) {
        return Arrays.stream(words).boxed().sorted(Long::compareUnsigned).mapToLong(Long::longValue).toArray();
    }

    /** The first {@code count} memory words, without recording accesses. */
    static long[] memory(Programs.Outcome o, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = o.machine().context().memory(8L * i).longValue();
        }
        return out;
    }

    /**
     * Trace size > 0; time strictly increasing from 0 (time i == i); steps never decreasing and
     * below the machine's step count; every record made by an instruction of the bundled program
     * (no direct accesses, no loader), and all records of one step the same opcode; every address an
     * aligned address inside the address space.
     */
    static void checkTrace(Programs.Outcome o) {
        Cpu64Trace trace = o.machine().trace();
        assertTrue(trace.size() > 0);
        Set<Integer> programOps = new HashSet<>();
        String name = o.name();
        for (Cpu64Instruction i : Programs.program(name).instructions()) {
            programOps.add(i.opcode());
        }
        long steps = o.machine().context().step();
        assertEquals(o.steps(), steps);
        long end = Cpu64Machine.LAYOUT.endAddress();
        long prevStep = 0;
        int prevOpcode = -2;
        for (int i = 0; i < trace.size(); i++) {
            assertEquals(i, trace.time(i), "time of record " + i);
            long step = trace.step(i);
            int opcode = trace.opcode(i);
            assertTrue(step >= prevStep && step < steps, "step of record " + i + ": " + step);
            assertTrue(programOps.contains(opcode), "opcode " + opcode + " (" + Cpu64Trace.mnemonicOf(opcode)
                    + ") of record " + i + " is no instruction of " + name);
            if (step == prevStep && i > 0) {
                assertEquals(prevOpcode, opcode, "one step, one instruction: record " + i);
            }
            prevStep = step;
            prevOpcode = opcode;
            assertTrue(trace.address(i) >= 0 && trace.address(i) < end && trace.address(i) % 8 == 0);
            MemoryInstruction rw = trace.instruction(i);
            assertTrue(rw == MemoryInstruction.READ || rw == MemoryInstruction.WRITE);
        }
        assertEquals(trace.size(), o.machine().context().timeLog());
        // every bundled program ends with `halt`, which touches no cell; the step before it does
        assertEquals(steps - 2, trace.step(trace.size() - 1));
        assertTrue(o.machine().context().halted());
    }
}
