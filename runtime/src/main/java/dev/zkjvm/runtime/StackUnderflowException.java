package dev.zkjvm.runtime;

/** A pop from an empty stack. */
public final class StackUnderflowException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public StackUnderflowException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "StackUnderflow";
    }
}
