package dev.zkjvm.example.cli;

/**
 * A command's failure that the user can act on: its message is printed to the error stream, without
 * a stack trace, and the command exits with {@link #exitCode()}.
 */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCode}'s codes. */
    int exitCode() {
        return exitCode;
    }
}
