package dev.zkjvm.runtime;

/** An address outside the machine's address space, or not representable as one. */
public final class InvalidAddressException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public InvalidAddressException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "InvalidAddress";
    }
}
