package dev.zkjvm.spark;

/**
 * Carries a failed item's index from the task that ran it to the driver, wrapped around what the
 * work threw (Spark hands the task's exception back as the job failure's cause).
 */
final class WorkItemFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int index;

    WorkItemFailure(int index, Throwable cause) {
        super("item " + index + ": " + cause, cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}
