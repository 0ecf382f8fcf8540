package dev.zkjvm.example;

import dev.zkjvm.runtime.U64;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The bundled {@link Cpu64} programs ({@code src/main/resources/programs/*.asm}) and how to run
 * them on inputs.
 *
 * <h2>How inputs get in</h2>
 * Each program reads its public input with {@code in} and its private input (advice) with
 * {@code adv}; {@link #run} supplies both to a new machine before the one run of the program. So
 * the run is the program alone ({@code runs = List.of(program)}), every trace record is made by an
 * instruction of it, and a proof's statement is the program, the public input and the output,
 * with the advice hidden.
 * <ul>
 *   <li>{@code fibonacci}, {@code factorial}: input {@code [n]};</li>
 *   <li>{@code array_sum}, {@code bubble_sort}: input {@code [N, w1, ..., wN]};</li>
 *   <li>{@code hash_preimage}: input {@code [digest]}, advice {@code [N, w1, ..., wN]}.</li>
 * </ul>
 *
 * <h2>Where results are</h2>
 * In the public output, written with {@code out}: {@code fibonacci}, {@code factorial} and
 * {@code array_sum} output one word; {@code bubble_sort} outputs the N words sorted ascending by
 * unsigned order; {@code hash_preimage} outputs nothing: it halts normally only if the advice hashes
 * to the digest ({@link #hashOf}) and fails otherwise, so a run that ends is the statement.
 */
public final class Programs {
    /** Names of the bundled programs. */
    public static final List<String> NAMES = List.of("fibonacci", "array_sum", "bubble_sort", "factorial",
            "hash_preimage");

    /** FNV-1a 64-bit offset basis, the starting value of {@link #hashOf}. */
    static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    /** FNV 64-bit prime. */
    static final long FNV_PRIME = 0x100000001b3L;
    /** The multiplier of the final mix of {@link #hashOf}. */
    static final long MIX_MULTIPLIER = 0xff51afd7ed558ccdL;

    private Programs() {
    }

    /** The assembly text of the bundled program {@code name}, e.g. {@code "bubble_sort"}. */
    public static String source(String name) {
        String path = "/programs/" + name + ".asm";
        try (InputStream in = Programs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled program `" + name + "` (looked for " + path
                        + "); bundled: " + NAMES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The bundled program {@code name}, assembled. */
    public static Cpu64Program program(String name) {
        return Cpu64Assembler.parse(source(name));
    }

    /**
     * A memory-loading prefix for tests and benchmarks that need memory contents without streams
     * (no bundled program needs it): writes {@code words[i]} at byte address {@code 8 * i} with
     * {@code push; push; store}, then sets register {@code a} to {@code registerA}.
     */
    public static Cpu64Program loader(long[] words, long registerA) {
        Cpu64Program.Builder b = Cpu64Program.builder();
        for (int i = 0; i < words.length; i++) {
            b.push(words[i]).push(8L * i).store();
        }
        return b.push(registerA).set(Cpu64Machine.A).build();
    }

    /**
     * What a run left behind.
     *
     * @param name    the bundled program's name
     * @param machine the machine, halted, with its whole trace and streams
     * @param steps   steps of the program
     * @param runs    the programs run: the bundled program alone (with the trace, what
     *                {@code Cpu64Circuit.check(runs, trace)} takes)
     * @param input   the public input supplied
     * @param output  the words the program wrote to its output, in order
     */
    public record Outcome(String name, Cpu64Machine machine, long steps, List<Cpu64Program> runs, long[] input,
                          long[] output) {
        /**
         * The one output word of a program that outputs one.
         *
         * @throws IllegalStateException if the output is not exactly one word
         */
        public long value() {
            if (output.length != 1) {
                throw new IllegalStateException(name + " output " + output.length + " words, not one: "
                        + Arrays.toString(output));
            }
            return output[0];
        }
    }

    /**
     * Runs program {@code name} on a new machine that reads {@code input} with {@code in} and
     * {@code advice} with {@code adv}.
     *
     * @throws dev.zkjvm.runtime.VmException if the program fails, e.g. reads past the end of a
     *     stream ({@code InputExhaustedException}) or rejects a wrong preimage
     */
    public static Outcome run(String name, long[] input, long[] advice) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(advice, "advice");
        Cpu64Program program = program(name);
        Cpu64Machine machine = Cpu64Machine.create();
        machine.supplyInput(input);
        machine.supplyAdvice(advice);
        long steps = machine.run(program);
        long[] output = machine.output().stream().mapToLong(U64::longValue).toArray();
        return new Outcome(name, machine, steps, List.of(program), input.clone(), output);
    }

    /** {@code fib(n) mod 2^64} by {@code fibonacci.asm}: input {@code [n]}, output one word. */
    public static Outcome fibonacci(long n) {
        return run("fibonacci", new long[] {n}, new long[0]);
    }

    /** {@code n! mod 2^64} by {@code factorial.asm}: input {@code [n]}, output one word. */
    public static Outcome factorial(long n) {
        return run("factorial", new long[] {n}, new long[0]);
    }

    /** The sum of {@code words} mod 2^64 by {@code array_sum.asm}: input {@code [N, words...]}. */
    public static Outcome arraySum(long[] words) {
        return run("array_sum", counted(words), new long[0]);
    }

    /**
     * {@code words} sorted ascending by unsigned order, by {@code bubble_sort.asm}: input
     * {@code [N, words...]}, output the sorted words.
     */
    public static Outcome bubbleSort(long[] words) {
        return run("bubble_sort", counted(words), new long[0]);
    }

    /**
     * {@code hash_preimage.asm} proving knowledge of {@code words}: input {@code [hashOf(words)]},
     * advice {@code [N, words...]}; it halts with an empty output.
     */
    public static Outcome hashPreimage(long[] words) {
        return run("hash_preimage", new long[] {hashOf(words)}, counted(words));
    }

    /**
     * The hash {@code hash_preimage.asm} computes, in Java: FNV-1a over the 64-bit words
     * {@code N, words[0], ..., words[N-1]} (each step {@code h = (h ^ x) * 0x100000001b3} from
     * {@code h = 0xcbf29ce484222325}), then the mix {@code h ^= h >>> 33; h *= 0xff51afd7ed558ccd;
     * h ^= h >>> 33}, all mod 2^64. A demonstration hash, not a cryptographic one.
     */
    public static long hashOf(long[] words) {
        long h = (FNV_OFFSET_BASIS ^ words.length) * FNV_PRIME;
        for (long w : words) {
            h = (h ^ w) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= MIX_MULTIPLIER;
        return h ^ (h >>> 33);
    }

    /** {@code [words.length, words...]}: how the array programs take an array. */
    public static long[] counted(long[] words) {
        long[] out = new long[words.length + 1];
        out[0] = words.length;
        System.arraycopy(words, 0, out, 1, words.length);
        return out;
    }

    /** Convenience: the value {@code fibonacci.asm} outputs. */
    public static long fibonacciValue(long n) {
        return fibonacci(n).value();
    }

    /** Convenience: the value {@code factorial.asm} outputs. */
    public static long factorialValue(long n) {
        return factorial(n).value();
    }

    /** Convenience: the value {@code array_sum.asm} outputs. */
    public static long arraySumValue(long[] words) {
        return arraySum(words).value();
    }

    /** Convenience: the sorted words {@code bubble_sort.asm} outputs. */
    public static long[] bubbleSorted(long[] words) {
        return bubbleSort(words).output();
    }
}
