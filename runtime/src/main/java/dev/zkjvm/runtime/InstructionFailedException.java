package dev.zkjvm.runtime;

/** An instruction body that threw something other than a machine error; the original is the cause. */
public final class InstructionFailedException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public InstructionFailedException(String detail, long address) {
        super(detail, address, null);
    }

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     * @param cause   the underlying exception
     */
    public InstructionFailedException(String detail, long address, Throwable cause) {
        super(detail, address, cause);
    }

    @Override
    public String kind() {
        return "InstructionFailed";
    }
}
