package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import dev.zkjvm.runtime.asm.AssemblyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * The {@code zkvm} command line: runs, checks, proves and verifies programs on any generated
 * machine on the class path (the bundled example programs run on {@code Cpu64}).
 */
@Command(name = "zkvm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs, checks, proves and verifies programs on machines generated from annotated classes.",
        subcommands = {RunCommand.class, CheckCommand.class, ProveCommand.class, VerifyCommand.class, ReportCommand.class,
            ZkvmCli.ListPrograms.class, ZkvmCli.ListMachines.class, AutoComplete.GenerateCompletion.class})
public final class ZkvmCli implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point; exits with the command's status (see {@code --help}). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its exit codes: every subcommand's {@code --help} lists them, and a failure
     * prints its message (no stack trace unless it is a bug) and exits with its code.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ZkvmCli());
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCode.HELP) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        withExitCodes(cli, codes);
        cli.setExecutionExceptionHandler(ZkvmCli::failed);
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    private static void withExitCodes(CommandLine cli, Map<String, String> codes) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cli.getSubcommands().values().forEach(sub -> withExitCodes(sub, codes));
    }

    /** Maps what a command threw to a message and an exit code. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code;
        if (e instanceof CliFailure f) {
            err.println(f.getMessage());
            code = f.exitCode();
        } else if (e instanceof AssemblyException) {
            err.println(e.getMessage());
            code = ExitCode.USAGE;
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("I/O error: " + e.getMessage());
            code = ExitCode.IO_ERROR;
        } else {
            err.println("internal error (please report it):");
            e.printStackTrace(err);
            code = ExitCode.INTERNAL_ERROR;
        }
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code zkvm list}: the bundled programs. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the bundled example programs of Cpu64.")
    static final class ListPrograms implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            String[][] programs = {
                    {"fibonacci", "n-th Fibonacci number mod 2^64", "(--n, default 90)"},
                    {"array_sum", "sum of --size random words", "(--size, --seed)"},
                    {"bubble_sort", "sorts --size random words, unsigned", "(--size default 200, --seed)"},
                    {"factorial", "n! mod 2^64, recursive call/ret", "(--n, default 20)"},
                    {"hash_preimage", "halts only if its private words hash to its input", "(--size, --seed)"}};
            for (String[] p : programs) {
                out.printf("%-14s %-50s %s%n", p[0], p[1], p[2]);
            }
            out.println("Each reads its input with `in` (hash_preimage its words with `adv`) and writes its result"
                    + " with `out`; the output is compared with the same computation in Java. --input FILE and --advice"
                    + " FILE replace the input the options make. Any other program: a file of"
                    + " assembly text, e.g. `zkvm run my.asm` (Cpu64) or `zkvm run --machine com.acme.MyVm"
                    + " --class-path target/classes my.asm`.");
            out.flush();
        }
    }

    /** {@code zkvm machines}: the machines on the class path. */
    @Command(name = "machines", mixinStandardHelpOptions = true,
            description = "Lists the machines on the class path (found through their generated descriptors).")
    static final class ListMachines implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ClassPathOption classPath;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            MachineCatalog catalog = classPath.catalog();
            for (MachineDescriptor<?, ?> d : catalog.listed()) {
                out.printf("%-12s %3d-bit  %-36s %s%n", d.name(), d.wordType().bytes() * 8, d.definition(),
                        String.join(" ", d.mnemonics()));
            }
            for (String broken : catalog.broken()) {
                out.println("(skipped: " + broken + ")");
            }
            out.flush();
        }
    }
}
