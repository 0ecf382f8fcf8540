package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.runtime.Word;
import java.util.List;

/**
 * What a command works on: a machine, the programs to run on it one after another, the public input
 * and advice they read, and how to name them. A bundled program also carries its input as numbers,
 * so that its result can be compared with Java's.
 *
 * @param machine     the machine
 * @param runs        the programs, in order (a bundled program: the program alone)
 * @param sources     their assembly text, in the same order (what a segment's task parses again)
 * @param input       the public input words the runs read with {@code Vm.input()}
 * @param advice      the private input words the runs read with {@code Vm.advice()}
 * @param description a short description for messages, e.g. {@code bubble_sort of 200 words (seed 1)}
 * @param proofName   the default proof file
 * @param bundled     the bundled program and its input, or null for a program file
 * @param <W>         word type
 * @param <P>         program type
 */
record Job<W extends Word<W>, P>(MachineDescriptor<W, P> machine, List<P> runs, List<String> sources, List<W> input,
                                 List<W> advice,
                                 String description, String proofName, Bundled bundled) {
    /**
     * A bundled program and its streams, as numbers.
     *
     * @param name   canonical name, e.g. {@code bubble_sort}
     * @param input  its public input, e.g. {@code [N, w1, ..., wN]}
     * @param advice its private input (empty but for {@code hash_preimage})
     */
    record Bundled(String name, long[] input, long[] advice) {
    }

    /** One line about the machine, e.g. {@code Cpu64 (64-bit words, generated from dev.zkjvm.example.Cpu64)}. */
    String machineLine() {
        return machine.name() + " (" + machine.wordType().bytes() * 8 + "-bit words, generated from "
                + machine.definition() + ")";
    }
}
