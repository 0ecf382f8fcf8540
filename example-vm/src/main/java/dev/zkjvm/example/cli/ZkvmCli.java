package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.VmException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command line: runs a bundled program on the 64-bit example machine and prints the result,
 * the step count, the trace size and the check's verdict; proves a run and verifies a proof.
 */
@Command(name = "zkvm", mixinStandardHelpOptions = true, version = "zkjvm 0.1.0-SNAPSHOT",
        description = "Runs bundled programs on machines generated from annotated classes.",
        subcommands = {ZkvmCli.Run.class, ProveCommand.class, VerifyCommand.class, ZkvmCli.ListPrograms.class})
public final class ZkvmCli implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point; exits with the command's status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ZkvmCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code zkvm list}: the bundled programs. */
    @Command(name = "list", description = "Lists the bundled programs.")
    static final class ListPrograms implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("fibonacci    n-th Fibonacci number mod 2^64        (--n, default 90)");
            out.println("array_sum    sum of --size random words             (--size, --seed)");
            out.println("bubble_sort  sorts --size random words, unsigned   (--size default 200, --seed)");
            out.println("factorial    n! mod 2^64, recursive call/ret       (--n, default 20)");
            out.flush();
        }
    }

    /** {@code zkvm run <program>}. */
    @Command(name = "run", description = "Runs a bundled program on the Cpu64 machine and prints result, steps and trace size.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ProgramInput input;

        @Option(names = "--no-check", negatable = true, defaultValue = "true",
                description = "check the trace against the machine's circuit (default: on)")
        boolean check;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String name = input.name();
            if (name == null) {
                err.println(ProgramInput.unknown(input.program));
                return 2;
            }
            Programs.Outcome outcome;
            try {
                outcome = input.run();
            } catch (VmException e) {
                err.println(e.getMessage());
                return 1;
            }
            String result = switch (name) {
                case "fibonacci" -> "fib(" + input.registerA() + ") = "
                        + Long.toUnsignedString(outcome.register(Cpu64Machine.B));
                case "factorial" -> input.registerA() + "! mod 2^64 = "
                        + Long.toUnsignedString(outcome.register(Cpu64Machine.B));
                case "array_sum" -> "sum of " + input.size + " words = "
                        + Long.toUnsignedString(outcome.register(Cpu64Machine.B));
                default -> {
                    long[] words = input.words();
                    boolean ok = Arrays.equals(outcome.memory(words.length), Programs.bubbleSorted(words));
                    yield "sorted " + words.length + " words (" + (ok ? "matches" : "DIFFERS FROM") + " Java's sort)";
                }
            };
            out.println("machine:    Cpu64 (64-bit words, generated from dev.zkjvm.example.Cpu64)");
            out.println("program:    " + name);
            out.println("result:     " + result);
            out.println("steps:      " + outcome.programSteps() + " (+" + outcome.loaderSteps() + " to load the input)");
            out.println("trace size: " + outcome.machine().trace().size() + " memory operations");
            if (!check) {
                out.flush();
                return 0;
            }
            long start = System.nanoTime();
            MachineCircuit<U64> circuit = Cpu64Circuit.circuit(outcome.runs());
            CheckReport report = circuit.check(outcome.machine().trace(), Cpu64Trace::mnemonicOf);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (report.isSatisfied()) {
                out.println("check:      satisfied: every step of the loader and " + name + ", and memory"
                        + " consistency: " + circuit.system().constraints().size() + " constraints and "
                        + circuit.system().lookups().size() + " lookups (range checks apart: "
                        + circuit.system().rangeChecks().size() + ", batched) on " + report.rows() + " rows (" + millis
                        + " ms)");
                out.flush();
                return 0;
            }
            out.println("check:      FAILED");
            out.println(report);
            out.flush();
            return 3;
        }
    }
}
