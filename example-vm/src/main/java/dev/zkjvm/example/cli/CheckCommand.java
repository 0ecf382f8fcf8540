package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineRun;
import dev.zkjvm.runtime.Word;
import picocli.CommandLine.Command;

/** {@code zkvm check <program>}: runs a program and checks its trace against the machine's circuit. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Runs a program and checks its whole trace against the machine's circuit: every step and"
                + " memory consistency. On failure, prints every broken constraint with its row, step and access.")
final class CheckCommand extends MachineCommand {
    @Override
    <W extends Word<W>, P> int execute(Job<W, P> job) {
        MachineRun<W> run = runPrograms(job);
        printHeader(job, run);
        out().println("trace size: " + run.trace().size() + " memory operations");
        int code = check(job, run);
        out().flush();
        return code;
    }
}
