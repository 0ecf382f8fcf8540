package dev.zkjvm.example;

import dev.zkjvm.runtime.Reg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The bundled {@link Cpu64} programs ({@code src/main/resources/programs/*.asm}) and how to run
 * them on inputs.
 *
 * <h2>How inputs get in</h2>
 * Inputs are loaded by a <em>loader program</em> of ordinary instructions, run on the same
 * machine just before the bundled program: {@code push value; push address; store} for each input
 * word, then {@code push n; set a} for the register input. The loader is a separate run because
 * the bundled program's labels are instruction indices from 0; {@code run} restarts the program
 * counter at 0 and keeps memory, step count and trace. The upshot: every trace record is made by
 * a real instruction (no step -1 "direct" records), and the input is part of the trace that a
 * circuit checks. The cost is 3 steps and 5 trace records per input word
 * (two pushes; {@code store} pops twice and writes once).
 *
 * <h2>Where results are</h2>
 * {@code fibonacci}, {@code array_sum} and {@code factorial} leave their result in register
 * {@code b}; {@code bubble_sort} sorts the words in place (ascending, unsigned).
 */
public final class Programs {
    /** Names of the bundled programs. */
    public static final List<String> NAMES = List.of("fibonacci", "array_sum", "bubble_sort", "factorial");

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
     * The loader: writes {@code words[i]} at byte address {@code 8 * i}, then sets register
     * {@code a} to {@code registerA}.
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
     * @param name         the bundled program's name
     * @param machine      the machine, halted, with its whole trace
     * @param loaderSteps  steps of the loader
     * @param programSteps steps of the bundled program
     * @param loaderTrace  trace records made by the loader (the program's records follow them)
     * @param runs         the programs run, in order: the loader, then the bundled program (the public
     *                     input of {@code Cpu64Circuit.check(runs, trace)})
     */
    public record Outcome(String name, Cpu64Machine machine, long loaderSteps, long programSteps, int loaderTrace,
                          List<Cpu64Program> runs) {
        /** Value of a register now. */
        public long register(Reg register) {
            return machine.context().register(register).longValue();
        }

        /** The first {@code count} memory words, without recording accesses. */
        public long[] memory(int count) {
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = machine.context().memory(8L * i).longValue();
            }
            return out;
        }

        /** Trace records made by the bundled program itself. */
        public int programTrace() {
            return machine.trace().size() - loaderTrace;
        }
    }

    /** Runs program {@code name} on a new machine after loading {@code words} and register a. */
    public static Outcome run(String name, long[] words, long registerA) {
        Objects.requireNonNull(words, "words");
        Cpu64Program program = program(name);
        Cpu64Machine machine = Cpu64Machine.create();
        Cpu64Program loader = loader(words, registerA);
        long loaderSteps = machine.run(loader);
        int loaderTrace = machine.trace().size();
        long steps = machine.run(program);
        return new Outcome(name, machine, loaderSteps, steps, loaderTrace, List.of(loader, program));
    }

    /** {@code fib(n) mod 2^64} by {@code fibonacci.asm}; the result is in register b. */
    public static Outcome fibonacci(long n) {
        return run("fibonacci", new long[0], n);
    }

    /** The sum of {@code words} mod 2^64 by {@code array_sum.asm}; the result is in register b. */
    public static Outcome arraySum(long[] words) {
        return run("array_sum", words, words.length);
    }

    /** {@code words} sorted ascending by unsigned order, by {@code bubble_sort.asm}, in memory. */
    public static Outcome bubbleSort(long[] words) {
        return run("bubble_sort", words, words.length);
    }

    /** {@code n! mod 2^64} by {@code factorial.asm}; the result is in register b. */
    public static Outcome factorial(long n) {
        return run("factorial", new long[0], n);
    }

    /** Convenience: the value {@code fibonacci.asm} computes. */
    public static long fibonacciValue(long n) {
        return fibonacci(n).register(Cpu64Machine.B);
    }

    /** Convenience: the sorted words {@code bubble_sort.asm} leaves in memory. */
    public static long[] bubbleSorted(long[] words) {
        return bubbleSort(words).memory(words.length);
    }
}
