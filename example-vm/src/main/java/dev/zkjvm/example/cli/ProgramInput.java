package dev.zkjvm.example.cli;

import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Which bundled program and which input: the public input of a proof. Shared by {@code prove} and
 * {@code verify}, so that the verifier rebuilds exactly the programs the prover ran (the loader
 * with its input words, then the program) without running anything.
 */
final class ProgramInput {
    @Parameters(index = "0", description = "fibonacci, array_sum, bubble_sort or factorial")
    String program;

    @Option(names = "--n", description = "input of fibonacci and factorial")
    Long n;

    @Option(names = "--size", defaultValue = "200", description = "number of words for array_sum and bubble_sort")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the input words")
    long seed;

    /** The message for a program name that is not bundled. */
    static String unknown(String program) {
        return "unknown program `" + program + "`; try `zkvm list`";
    }

    /** The program's canonical name, or null if it is not bundled. */
    String name() {
        String name = program.replace('-', '_');
        return Programs.NAMES.contains(name) ? name : null;
    }

    /** The input words written by the loader. */
    long[] words() {
        return switch (name()) {
            case "array_sum", "bubble_sort" -> new SplittableRandom(seed).longs(size).toArray();
            default -> new long[0];
        };
    }

    /** Register a at the start of the program. */
    long registerA() {
        return switch (name()) {
            case "fibonacci" -> n == null ? 90 : n;
            case "factorial" -> n == null ? 20 : n;
            default -> size;
        };
    }

    /** The runs, in order: the loader, then the program. */
    List<Cpu64Program> runs() {
        return List.of(Programs.loader(words(), registerA()), Programs.program(name()));
    }

    /** Runs them on a new machine. */
    Programs.Outcome run() {
        return Programs.run(name(), words(), registerA());
    }

    /** A short description of the input, for messages. */
    String describe() {
        return switch (name()) {
            case "fibonacci", "factorial" -> name() + "(" + registerA() + ")";
            default -> name() + " of " + size + " words (seed " + seed + ")";
        };
    }
}
