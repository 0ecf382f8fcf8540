package dev.zkjvm.runtime;

/** A jump to an instruction index outside the program (the index one past the end halts). */
public final class InvalidJumpException extends VmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail  what went wrong
     * @param address the address involved, or -1
     */
    public InvalidJumpException(String detail, long address) {
        super(detail, address, null);
    }

    @Override
    public String kind() {
        return "InvalidJump";
    }
}
