package dev.zkjvm.runtime;

/** A push onto a stack that already holds its declared depth. */
public final class StackOverflowException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public StackOverflowException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "StackOverflow";
    }
}
