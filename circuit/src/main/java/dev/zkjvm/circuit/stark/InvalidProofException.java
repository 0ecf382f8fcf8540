package dev.zkjvm.circuit.stark;

/** Why a STARK proof was rejected (or could not be read). */
public final class InvalidProofException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With the reason. */
    public InvalidProofException(String reason) {
        super(reason);
    }

    /** With the reason and the cause. */
    public InvalidProofException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
