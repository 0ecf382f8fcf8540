package dev.zkjvm.runtime;

/**
 * A failed instruction. The machine throws it after restoring memory, registers, stack pointer,
 * program counter, time log and trace exactly as they were before that instruction, so a caller
 * can inspect the state, fix the program and go on.
 *
 * <p>Each failure has its own subclass; all carry the address involved (or -1), the step
 * number of the failed instruction and its assembly text.
 */
public abstract class VmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;
    private long step = -1;
    private String instruction = "";

    /**
     * @param detail  what went wrong, without step and instruction (added when known)
     * @param address the address involved, or -1
     * @param cause   the underlying exception, or null
     */
    protected VmException(String detail, long address, Throwable cause) {
        super(detail, cause);
        this.address = address;
    }

    /** Short tag naming the failure kind, e.g. {@code StackOverflow}. */
    public abstract String kind();

    /** The byte address involved, or -1 if none. */
    public long address() {
        return address;
    }

    /** Step number (0-based) of the instruction that failed, or -1 if outside any step. */
    public long step() {
        return step;
    }

    /** Assembly text of the instruction that failed, or empty if outside any step. */
    public String instruction() {
        return instruction;
    }

    /** The detail message without step and instruction. */
    public String detail() {
        return super.getMessage();
    }

    /** Records which step failed; called once by the machine. */
    public VmException at(long step, String instruction) {
        this.step = step;
        this.instruction = instruction;
        return this;
    }

    @Override
    public String getMessage() {
        String where = step < 0 ? "" : " (step " + step + ", instruction `" + instruction + "`)";
        return "[" + kind() + "] " + detail() + where;
    }
}
