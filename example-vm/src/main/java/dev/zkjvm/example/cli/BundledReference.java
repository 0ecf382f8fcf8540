package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.example.Cpu64Machine;
import java.util.Arrays;

/**
 * What each bundled program must compute, worked out in plain Java without the machine, and the
 * comparison with what a run left behind. This is the only place the command line's "matches"
 * verdict comes from: the machine's output against an independent computation.
 */
final class BundledReference {
    private BundledReference() {
    }

    /**
     * The comparison of the machine's result with Java's.
     *
     * @param matches whether they are the same
     * @param text    the result and the verdict, for the {@code result:} line
     */
    record Verdict(boolean matches, String text) {
    }

    /**
     * Java's result of bundled program {@code name} on this input: the sorted words for
     * {@code bubble_sort}; otherwise one word, the value the program leaves in register {@code b}.
     */
    static long[] expected(String name, long[] words, long registerA) {
        return switch (name) {
            case "fibonacci" -> new long[] {fibonacci(registerA)};
            case "factorial" -> new long[] {factorial(registerA)};
            case "array_sum" -> new long[] {Arrays.stream(words).sum()};
            case "bubble_sort" -> Arrays.stream(words).boxed().sorted(Long::compareUnsigned)
                    .mapToLong(Long::longValue).toArray();
            default -> throw new IllegalArgumentException("no bundled program `" + name + "`");
        };
    }

    /** What the run left where {@code name} puts its result (see {@link #expected}). */
    static long[] actual(String name, MachineRun<?> run, int words) {
        if (name.equals("bubble_sort")) {
            long[] memory = new long[words];
            for (int i = 0; i < words; i++) {
                memory[i] = run.memoryWord(i).longValue();
            }
            return memory;
        }
        return new long[] {run.register(Cpu64Machine.B).longValue()};
    }

    /** Compares {@code actual}, the machine's result, with Java's result on the same input. */
    static Verdict compare(String name, long[] words, long registerA, long[] actual) {
        long[] expected = expected(name, words, registerA);
        int differs = Arrays.mismatch(expected, actual);
        if (name.equals("bubble_sort")) {
            String what = "sorted " + words.length + " words";
            if (differs < 0) {
                return new Verdict(true, what + " (matches Java's Arrays.sort in unsigned order)");
            }
            return new Verdict(false, what + ": DIFFERS from Java's Arrays.sort in unsigned order at index " + differs
                    + " (machine " + wordAt(actual, differs) + ", Java " + wordAt(expected, differs) + ")");
        }
        String what = switch (name) {
            case "fibonacci" -> "fib(" + registerA + ")";
            case "factorial" -> registerA + "! mod 2^64";
            default -> "sum of " + words.length + " words";
        };
        String value = Long.toUnsignedString(actual[0]);
        if (differs < 0) {
            return new Verdict(true, what + " = " + value + " (Java computes the same)");
        }
        return new Verdict(false, what + " = " + value + ": DIFFERS from Java's " + Long.toUnsignedString(expected[0]));
    }

    private static String wordAt(long[] words, int index) {
        return index < words.length ? Long.toUnsignedString(words[index]) : "none";
    }

    /** {@code fib(n) mod 2^64}, with fib(0) = 0 and fib(1) = 1. */
    private static long fibonacci(long n) {
        long current = 0;
        long next = 1;
        for (long i = 0; i < n; i++) {
            long sum = current + next;
            current = next;
            next = sum;
        }
        return current;
    }

    /** {@code n! mod 2^64}, with 0! = 1. */
    private static long factorial(long n) {
        long product = 1;
        for (long i = 2; i <= n; i++) {
            product *= i;
        }
        return product;
    }
}
