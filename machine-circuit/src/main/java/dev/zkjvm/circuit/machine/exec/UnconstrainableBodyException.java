package dev.zkjvm.circuit.machine.exec;

/**
 * An instruction body does something that circuit constraints cannot express, such as branching
 * in Java on a computed word. Thrown when the machine's circuit is built; the message names the
 * instruction and the construct.
 */
public final class UnconstrainableBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a complete message. */
    public UnconstrainableBodyException(String message) {
        super(message);
    }

    /** An exception with a complete message and the exception the body threw. */
    public UnconstrainableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
