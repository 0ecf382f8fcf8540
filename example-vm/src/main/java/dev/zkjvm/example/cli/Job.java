package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.runtime.Word;
import java.util.List;

/**
 * What a command works on: a machine, the programs to run on it one after another, and how to name
 * them. A bundled program also carries its input, so that its result can be compared with Java's.
 *
 * @param machine     the machine
 * @param runs        the programs, in order (a bundled program: the loader, then the program)
 * @param description a short description for messages, e.g. {@code bubble_sort of 200 words (seed 1)}
 * @param proofName   the default proof file
 * @param bundled     the bundled program and its input, or null for a program file
 * @param <W>         word type
 * @param <P>         program type
 */
record Job<W extends Word<W>, P>(MachineDescriptor<W, P> machine, List<P> runs, String description,
                                 String proofName, Bundled bundled) {
    /**
     * A bundled program and its input.
     *
     * @param name      canonical name, e.g. {@code bubble_sort}
     * @param words     the words the loader writes at byte addresses 0, 8, ...
     * @param registerA the loader's value for register a
     */
    record Bundled(String name, long[] words, long registerA) {
    }

    /** One line about the machine, e.g. {@code Cpu64 (64-bit words, generated from dev.zkjvm.example.Cpu64)}. */
    String machineLine() {
        return machine.name() + " (" + machine.wordType().bytes() * 8 + "-bit words, generated from "
                + machine.definition() + ")";
    }
}
