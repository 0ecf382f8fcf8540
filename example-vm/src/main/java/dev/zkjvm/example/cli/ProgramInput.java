package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.example.Cpu64;
import dev.zkjvm.example.Cpu64Descriptor;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.asm.AssemblyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Which machine, which program and which input: the public input of a proof. Shared by every
 * command, so that {@code verify} rebuilds exactly the programs {@code prove} ran, without running
 * anything. A program is a file of the machine's assembly text, or the name of a bundled example
 * program of the {@code Cpu64} machine, whose input (and, for {@code hash_preimage}, advice) the
 * options make and the program reads with {@code in} (and {@code adv}).
 */
final class ProgramInput {
    @Parameters(index = "0", paramLabel = "PROGRAM",
            description = "a file of assembly text for the machine, or a bundled Cpu64 program: fibonacci, array_sum,"
                    + " bubble_sort, factorial, hash_preimage (see `zkvm list`)")
    String program;

    @Option(names = {"-m", "--machine"}, paramLabel = "MACHINE",
            description = "the machine: its annotated class (e.g. dev.zkjvm.example.Cpu64), its name as `zkvm machines`"
                    + " lists it, or its generated Machine or Descriptor class (default: Cpu64)")
    String machine;

    @Mixin
    ClassPathOption classPath;

    @Option(names = "--n", description = "bundled fibonacci and factorial: the input (default 90 and 20)")
    Long n;

    @Option(names = "--size", description = "bundled array_sum, bubble_sort and hash_preimage: number of random words"
            + " (default 200)")
    Integer size;

    @Option(names = "--seed", description = "bundled array_sum, bubble_sort and hash_preimage: seed of the random"
            + " words (default 1)")
    Long seed;

    @Option(names = "--input", paramLabel = "FILE", description = "the public input: a file of words (decimal or 0x"
            + " hex, separated by spaces, commas or lines; # starts a comment) that the program reads in order; a"
            + " proof states it")
    Path inputFile;

    @Option(names = "--advice", paramLabel = "FILE", description = "the private input (advice), a file of words in"
            + " the same format; it stays with the prover, and a zero-knowledge proof hides it")
    Path adviceFile;

    /** The message for a program that is neither a file nor bundled. */
    static String unknown(String program) {
        return "unknown program `" + program + "`: no such file, and not a bundled program (" + String.join(", ",
                Programs.NAMES) + "; try `zkvm list`)";
    }

    /**
     * The job: a bundled program if no file of that name exists and no other machine is asked for;
     * otherwise the file, parsed by the machine's assembler.
     *
     * @throws CliFailure for an unknown machine or program, a program that does not assemble, or an
     *                    unreadable file
     */
    Job<?, ?> job() {
        return withStreamFiles(baseJob());
    }

    /** The job with its input and advice taken from the files the options name, if any. */
    private <W extends Word<W>, P> Job<W, P> withStreamFiles(Job<W, P> job) {
        if (inputFile == null && adviceFile == null) {
            return job;
        }
        if (job.bundled() != null && (n != null || size != null || seed != null)) {
            throw new CliFailure(ExitCode.USAGE, "--input and --advice replace the input that --n, --size and --seed"
                    + " make for a bundled program; give one or the other");
        }
        List<W> in = inputFile == null ? job.input() : WordsFile.read(inputFile, job.machine().wordType());
        List<W> adv = adviceFile == null ? job.advice() : WordsFile.read(adviceFile, job.machine().wordType());
        Job.Bundled bundled = job.bundled() == null ? null
                : new Job.Bundled(job.bundled().name(), longs(in), longs(adv));
        String description = job.bundled() == null ? job.description() : job.bundled().name() + " on "
                + (inputFile == null ? "its input" : "the input of " + inputFile)
                + (adviceFile == null ? "" : ", advice from " + adviceFile);
        return new Job<>(job.machine(), job.runs(), job.sources(), in, adv, description, job.proofName(), bundled);
    }

    private static long[] longs(List<? extends Word<?>> words) {
        return words.stream().mapToLong(w -> w.toBigInteger().longValue()).toArray();
    }

    private Job<?, ?> baseJob() {
        if (size != null && size < 0) {
            throw new CliFailure(ExitCode.USAGE, "--size must be at least 0, not " + size);
        }
        Path file = Path.of(program);
        String bundled = program.replace('-', '_');
        MachineDescriptor<?, ?> descriptor = machine == null ? new Cpu64Descriptor() : classPath.catalog().find(machine);
        boolean onCpu64 = descriptor.definition().equals(Cpu64.class.getName());
        if (!Files.exists(file) && Programs.NAMES.contains(bundled) && onCpu64) {
            return bundledJob(bundled);
        }
        if (n != null || size != null || seed != null) {
            throw new CliFailure(ExitCode.USAGE, "--n, --size and --seed are inputs of the bundled programs only;"
                    + " give a program file its input with --input FILE (and its advice with --advice FILE)");
        }
        if (!Files.exists(file)) {
            throw new CliFailure(ExitCode.USAGE, unknown(program));
        }
        return fileJob(descriptor, file);
    }

    private <W extends Word<W>, P> Job<W, P> fileJob(MachineDescriptor<W, P> descriptor, Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot read program file " + file + ": " + e, e);
        }
        P parsed;
        try {
            parsed = descriptor.parse(source);
        } catch (AssemblyException e) {
            throw new CliFailure(ExitCode.USAGE, file + ": " + e.getMessage() + " (assembly text for " + descriptor.name()
                    + "; its instructions: " + String.join(", ", descriptor.mnemonics()) + ")", e);
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Job<>(descriptor, List.of(parsed), List.of(source), List.of(), List.of(), file.toString(),
                base + ".proof",
                null);
    }

    /**
     * A bundled program and its streams: {@code [n]} for fibonacci and factorial; {@code [N, words...]}
     * of random words for array_sum and bubble_sort; for hash_preimage, random words as the advice
     * {@code [N, words...]} and their hash as the input {@code [digest]}.
     */
    private Job<U64, Cpu64Program> bundledJob(String name) {
        long[] words = new SplittableRandom(seed == null ? 1 : seed).longs(size == null ? 200 : size).toArray();
        long[] input = switch (name) {
            case "fibonacci" -> new long[] {n == null ? 90 : n};
            case "factorial" -> new long[] {n == null ? 20 : n};
            case "hash_preimage" -> new long[] {Programs.hashOf(words)};
            default -> Programs.counted(words);
        };
        long[] advice = name.equals("hash_preimage") ? Programs.counted(words) : new long[0];
        String description = switch (name) {
            case "fibonacci", "factorial" -> name + "(" + input[0] + ")";
            case "hash_preimage" -> name + " of digest " + Long.toUnsignedString(input[0]);
            default -> name + " of " + words.length + " words (seed " + (seed == null ? 1 : seed) + ")";
        };
        return new Job<>(new Cpu64Descriptor(), List.of(Programs.program(name)), List.of(Programs.source(name)),
                words(input), words(advice),
                description, name + ".proof", new Job.Bundled(name, input, advice));
    }

    private static List<U64> words(long[] values) {
        return Arrays.stream(values).mapToObj(U64::of).toList();
    }
}
