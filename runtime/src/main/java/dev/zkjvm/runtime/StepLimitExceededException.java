package dev.zkjvm.runtime;

/** A run that executed its step limit without halting. */
public final class StepLimitExceededException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public StepLimitExceededException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "StepLimitExceeded";
    }
}
