package dev.zkjvm.example.cli;

/**
 * The exit codes of {@code zkvm}, one per kind of outcome, so that scripts can tell a wrong program
 * from a broken proof or a full heap. Listed in every command's {@code --help} and in the guide.
 */
final class ExitCode {
    /** Done: the run, check, proof or verification succeeded. */
    static final int OK = 0;
    /** The program failed on the machine (a {@code VmException}: stack underflow, bad address, step limit...). */
    static final int PROGRAM_FAILED = 1;
    /** Bad command line: unknown option, machine or program, or program text that does not assemble. */
    static final int USAGE = 2;
    /** The trace does not satisfy the circuit, or a bundled program's result differs from Java's. */
    static final int CHECK_FAILED = 3;
    /** The proof was rejected. */
    static final int PROOF_REJECTED = 4;
    /** A file could not be read or written. */
    static final int IO_ERROR = 5;
    /** The Java heap was too small; the message says how much to give. */
    static final int OUT_OF_MEMORY = 6;
    /** A bug in zkvm: the message and stack trace are worth reporting. */
    static final int INTERNAL_ERROR = 70;

    /** The {@code --help} footer: {@code code:description} pairs, as picocli's {@code exitCodeList} takes them. */
    static final String[] HELP = {
        " 0:done",
        " 1:the program failed on the machine (stack underflow, bad address, step limit, ...)",
        " 2:usage: unknown option, machine or program, or program text that does not assemble",
        " 3:check failed: the trace breaks the circuit, or a bundled result differs from Java's",
        " 4:proof rejected",
        " 5:I/O error: a file could not be read or written",
        " 6:out of memory: the message says how much heap to give (java -Xmx...)",
        "70:internal error (a bug; please report it)",
    };

    private ExitCode() {
    }
}
