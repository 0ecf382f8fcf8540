package dev.zkjvm.circuit.machine.segment;

/** A segment's work failed for good: every attempt the runner made threw. */
public final class SegmentWorkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param item the failed item's index */
    public SegmentWorkException(int item, String message, Throwable cause) {
        super("segment work item " + item + " failed: " + message, cause);
    }
}
