package dev.zkjvm.example;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The bundled {@code fibonacci.asm} with its input pushed as a constant ({@code in} becomes
 * {@code push n}) and its result popped instead of written ({@code out} becomes {@code pop}): the
 * same steps and accesses, but no stream instruction. The one-table STARK, which cannot state an
 * input or an output, proves it as the baseline of the proofs on tables.
 */
final class StreamFreeFibonacci {
    private static final Pattern IN = Pattern.compile("(?m)^(\\s+)in\\b.*$");
    private static final Pattern OUT = Pattern.compile("(?m)^(\\s+)out\\b.*$");

    private StreamFreeFibonacci() {
    }

    /** The program for {@code n}. */
    static Cpu64Program program(long n) {
        String source = OUT.matcher(IN.matcher(Programs.source("fibonacci")).replaceAll("$1push " + n))
                .replaceAll("$1pop");
        return Cpu64Assembler.parse(source);
    }

    /** Runs it on a new machine; the outcome has no input and no output. */
    static Programs.Outcome run(long n) {
        Cpu64Program program = program(n);
        Cpu64Machine machine = Cpu64Machine.create();
        long steps = machine.run(program);
        return new Programs.Outcome("fibonacci (stream-free)", machine, steps, List.of(program), new long[0],
                new long[0]);
    }
}
