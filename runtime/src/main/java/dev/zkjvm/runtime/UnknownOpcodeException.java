package dev.zkjvm.runtime;

/** An encoded instruction whose opcode the machine does not have, or whose operands are cut short. */
public final class UnknownOpcodeException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public UnknownOpcodeException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "UnknownOpcode";
    }
}
