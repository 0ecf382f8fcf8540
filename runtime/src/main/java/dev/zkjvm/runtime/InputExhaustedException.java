package dev.zkjvm.runtime;

/**
 * An instruction read past the end of the public input or of the advice. Like every
 * {@link VmException}, the machine is left as before the instruction, with no word consumed.
 */
public final class InputExhaustedException extends VmException {
    private static final long serialVersionUID = 1L;

    /** @param detail which stream, and how many words it had */
    public InputExhaustedException(String detail) {
        super(detail, -1, null);
    }

    @Override
    public String kind() {
        return "InputExhausted";
    }
}
