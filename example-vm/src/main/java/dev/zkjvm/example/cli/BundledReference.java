package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.example.Programs;
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
     * Java's output of bundled program {@code name} on this input and advice: the sorted words for
     * {@code bubble_sort}; nothing for {@code hash_preimage}; otherwise one word.
     */
    static long[] expected(String name, long[] input, long[] advice) {
        return switch (name) {
            case "fibonacci" -> new long[] {fibonacci(input[0])};
            case "factorial" -> new long[] {factorial(input[0])};
            case "array_sum" -> new long[] {Arrays.stream(array(input)).sum()};
            case "bubble_sort" -> Arrays.stream(array(input)).boxed().sorted(Long::compareUnsigned)
                    .mapToLong(Long::longValue).toArray();
            case "hash_preimage" -> new long[0];
            default -> throw new IllegalArgumentException("no bundled program `" + name + "`");
        };
    }

    /** The words the run wrote to its output, in order. */
    static long[] actual(MachineRun<?> run) {
        return run.output().stream().mapToLong(w -> w.toBigInteger().longValue()).toArray();
    }

    /** Compares {@code actual}, the machine's output, with Java's on the same input and advice. */
    static Verdict compare(String name, long[] input, long[] advice, long[] actual) {
        long[] expected = expected(name, input, advice);
        int differs = Arrays.mismatch(expected, actual);
        if (name.equals("bubble_sort")) {
            String what = "sorted " + expected.length + " words";
            if (differs < 0) {
                return new Verdict(true, what + " (matches Java's Arrays.sort in unsigned order)");
            }
            return new Verdict(false, what + ": DIFFERS from Java's Arrays.sort in unsigned order at index " + differs
                    + " (machine " + wordAt(actual, differs) + ", Java " + wordAt(expected, differs) + ")");
        }
        if (name.equals("hash_preimage")) {
            return preimage(input, advice, actual);
        }
        String what = switch (name) {
            case "fibonacci" -> "fib(" + input[0] + ")";
            case "factorial" -> input[0] + "! mod 2^64";
            default -> "sum of " + (input.length - 1) + " words";
        };
        if (differs < 0) {
            return new Verdict(true, what + " = " + Long.toUnsignedString(actual[0]) + " (Java computes the same)");
        }
        return new Verdict(false, what + " = " + (actual.length == 1 ? Long.toUnsignedString(actual[0])
                : actual.length + " words") + ": DIFFERS from Java's " + Long.toUnsignedString(expected[0]));
    }

    /**
     * The run ended normally (a failing run never gets here), so the machine accepted the advice as a
     * preimage of the digest; Java's hash of the same advice must agree, and the output be empty.
     */
    private static Verdict preimage(long[] input, long[] advice, long[] actual) {
        long javaHash = Programs.hashOf(array(advice));
        String what = "the " + (advice.length - 1) + " advice words hash to the digest " + Long.toUnsignedString(input[0]);
        if (javaHash == input[0] && actual.length == 0) {
            return new Verdict(true, what + ": the machine halted, and Java's hash agrees (no output)");
        }
        return new Verdict(false, what + ": the machine halted, but Java's hash is " + Long.toUnsignedString(javaHash)
                + " and the output has " + actual.length + " words (expected none)");
    }

    /** The words of an array input {@code [N, w1, ..., wN]}. */
    private static long[] array(long[] counted) {
        return Arrays.copyOfRange(counted, 1, counted.length);
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
