package dev.zkjvm.runtime.segment;

import dev.zkjvm.runtime.VmException;

/**
 * A segment that its re-execution contradicts: a start state the programs or streams cannot have,
 * a replay that ends in another state, touches another set of cells, leaves other values in them,
 * or writes other output words than the segment and the run's output say.
 */
public final class SegmentMismatchException extends VmException {
    private static final long serialVersionUID = 1L;

    /** @param detail what the segment says and what the replay found */
    public SegmentMismatchException(String detail) {
        super(detail, -1, null);
    }

    @Override
    public String kind() {
        return "SegmentMismatch";
    }
}
