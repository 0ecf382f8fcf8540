package dev.zkjvm.runtime;

/** An address inside the address space but outside the section the access may use (e.g. a memory access in a buffer zone or the stack section). */
public final class SectionViolationException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public SectionViolationException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "SectionViolation";
    }
}
