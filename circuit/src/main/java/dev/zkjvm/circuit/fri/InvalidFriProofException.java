package dev.zkjvm.circuit.fri;

/**
 * A FRI proof was rejected: malformed bytes, or a check of the verifier failed. The message says
 * which; it is for diagnosis only and carries no secret.
 */
public final class InvalidFriProofException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A rejection with its reason. */
    public InvalidFriProofException(String reason) {
        super(reason);
    }
}
