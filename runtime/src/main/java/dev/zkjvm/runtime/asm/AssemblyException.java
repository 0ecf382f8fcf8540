package dev.zkjvm.runtime.asm;

/** Assembly text that does not parse; the message names the line and column. */
public final class AssemblyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param line    1-based line number
     * @param column  1-based column
     * @param message what is wrong there
     */
    public AssemblyException(int line, int column, String message) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }
}
