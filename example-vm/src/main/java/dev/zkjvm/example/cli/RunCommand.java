package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.runtime.Word;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zkvm run <program>}: runs a program and prints its result, steps, trace size and check. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a program on a machine and prints its result (a bundled program's is compared with the"
                + " same computation in Java), the steps, the trace size and the verdict of checking the trace.")
class RunCommand extends MachineCommand {
    @Option(names = "--no-check", negatable = true, defaultValue = "true",
            description = "check the trace against the machine's circuit (default: on)")
    boolean check;

    @Override
    <W extends Word<W>, P> int execute(Job<W, P> job) {
        MachineRun<W> run = runPrograms(job);
        printHeader(job, run);
        BundledReference.Verdict verdict = printResult(job, run);
        out().println("trace size: " + run.trace().size() + " memory operations");
        int code = check ? check(job, run) : ExitCode.OK;
        out().flush();
        if (code == ExitCode.OK && verdict != null && !verdict.matches()) {
            return ExitCode.CHECK_FAILED;
        }
        return code;
    }
}
