package dev.zkjvm.example.cli;

import java.util.Locale;

/**
 * How much Java heap a proof needs, estimated from the circuit's shape, and the message that says
 * so when the heap ran out.
 */
final class HeapAdvice {
    /**
     * Heap per cell of the witness (rows times columns) that a proof with the default parameters
     * (blowup 4) needs. The smallest {@code -Xmx} that proved Cpu64's fibonacci (320 columns; G1,
     * JDK 17) was 1.34-1.36 GiB at 2^16 rows and 2.65-2.68 GiB at 2^17 rows: 66-69 bytes per added
     * cell, of which the upper end is taken. See docs/guide.md, "The command line".
     */
    static final double BYTES_PER_CELL = 69;

    /** Heap beyond the cells: the same two measurements put it at 0-60 MiB. */
    static final long BASE_BYTES = 64L << 20;

    /**
     * Heap per cell of a proof on tables' own tables (its main and execution tables' rows times
     * MAIN columns; zero-knowledge, default parameters). Cpu64's fibonacci(3000) (a 2^16 x 34 log
     * table and a 2^15 x 178 execution table: 8.06 M cells) proved at {@code -Xmx1280m} and failed
     * at 1024m; fibonacci(12) (31.5 K cells) proved at 256m and failed at 160m (6 Dec): at most
     * (1.25 GiB - 256 MiB) / 8.06 M, about 133 bytes per cell, rounded up. The preprocessed tables
     * and the argument columns the cells do not count are in it.
     */
    static final double TABLE_BYTES_PER_CELL = 140;

    /** Heap of a proof on tables beyond its own tables' cells: the preprocessed range, byte and program tables' keys. */
    static final long TABLE_BASE_BYTES = 256L << 20;

    /**
     * Heap per cell of the exact check on tables (`run` and `check`): the tables' columns, the
     * counted bus tuples and the run's replay. Cpu64's bubble sort of 200 words (31.5 M cells in
     * the proof's layout) checked at {@code -Xmx2300m} and ran out at 2g; fibonacci(29000) (26.0 M
     * cells) checked at 2500m and ran out at 2g (6 Dec 18:35): at most about 103 bytes per cell.
     */
    static final double TABLE_CHECK_BYTES_PER_CELL = 100;

    private HeapAdvice() {
    }

    /** Estimated peak heap to prove a one-table witness of {@code rows} rows and {@code columns} columns. */
    static long provingBytes(long rows, int columns) {
        return BASE_BYTES + (long) Math.ceil(BYTES_PER_CELL * rows * columns);
    }

    /** Estimated peak heap to prove on tables whose own tables hold {@code cells} cells. */
    static long tableProvingBytes(long cells) {
        return TABLE_BASE_BYTES + (long) Math.ceil(TABLE_BYTES_PER_CELL * cells);
    }

    /** Estimated peak heap to check on tables whose own tables hold {@code cells} cells. */
    static long tableCheckingBytes(long cells) {
        return TABLE_BASE_BYTES + (long) Math.ceil(TABLE_CHECK_BYTES_PER_CELL * cells);
    }

    /**
     * The out-of-memory message.
     *
     * @param stage   what ran out, e.g. {@code proving}
     * @param rows    the witness's rows, or 0 if not known yet
     * @param columns its columns, or 0
     * @param maxHeap the JVM's maximum heap
     * @param command the command to run again, e.g. {@code prove bubble_sort --size 2000}
     */
    static String message(String stage, long rows, int columns, long maxHeap, String command) {
        if (rows <= 0 || columns <= 0) {
            return advice(stage, "", 0, maxHeap, command);
        }
        long need = provingBytes(rows, columns);
        return advice(stage, "A proof of " + rows + " rows x " + columns + " columns needs about " + gib(need)
                + " (measured: about " + String.format(Locale.ROOT, "%.0f", BYTES_PER_CELL) + " bytes per row and"
                + " column while proving, plus " + (BASE_BYTES >> 20) + " MiB). ", need, maxHeap, command);
    }

    /** The out-of-memory message for a proof on tables whose own tables hold {@code cells} cells. */
    static String tableMessage(String stage, long cells, long maxHeap, String command) {
        return tableAdvice(stage, "A proof", "proving", cells, TABLE_BYTES_PER_CELL, tableProvingBytes(cells), maxHeap,
                command);
    }

    /** The out-of-memory message for the exact check on tables whose own tables hold {@code cells} cells. */
    static String tableCheckMessage(String stage, long cells, long maxHeap, String command) {
        return tableAdvice(stage, "The exact check", "checking", cells, TABLE_CHECK_BYTES_PER_CELL,
                tableCheckingBytes(cells), maxHeap, command);
    }

    /** The advice for {@code work} (a proof, a check) on tables of {@code cells} cells that needs {@code need}. */
    private static String tableAdvice(String stage, String work, String doing, long cells, double bytesPerCell,
            long need, long maxHeap, String command) {
        return advice(stage, work + " on tables whose own tables hold " + cells + " cells (rows x columns) needs"
                + " about " + gib(need) + " (measured: about " + String.format(Locale.ROOT, "%.0f", bytesPerCell)
                + " bytes per cell while " + doing + ", plus " + (TABLE_BASE_BYTES >> 20) + " MiB). ", need, maxHeap,
                command);
    }

    /** Whether the exact check on tables of {@code cells} cells is refused before it starts (as a proof is). */
    static boolean tableCheckCannotFit(long cells, long maxHeap) {
        return tableCheckingBytes(cells) > 2 * maxHeap;
    }

    /** The message of a check on tables refused before it starts ({@link #tableCheckCannotFit}). */
    static String tableCheckShortfall(long cells, long maxHeap, String command) {
        return tableCheckMessage("checking the trace", cells, maxHeap, command)
                .replaceFirst("^out of memory while checking the trace", "not enough heap to check the trace");
    }

    /**
     * Whether a proof on tables of {@code cells} cells is refused before it starts: when the estimate
     * is more than twice the heap. A G1 heap that far too small does not fail fast; it can collect
     * for minutes before it gives up.
     */
    static boolean tableProofCannotFit(long cells, long maxHeap) {
        return tableProvingBytes(cells) > 2 * maxHeap;
    }

    /** The message of a proof on tables refused before it starts ({@link #tableProofCannotFit}). */
    static String tableShortfall(long cells, long maxHeap, String command) {
        return tableMessage("proving", cells, maxHeap, command).replaceFirst("^out of memory while proving",
                "not enough heap to prove");
    }

    /** The message around {@code need}: what ran out, the estimate, and the command with a larger heap. */
    private static String advice(String stage, String estimate, long need, long maxHeap, String command) {
        long suggest = Math.max(need + need / 4, maxHeap * 2);
        long gigabytes = Math.max(1, (suggest + (1L << 30) - 1) >> 30);
        return "out of memory while " + stage + ": this JVM may use " + gib(maxHeap) + " of heap (-Xmx). " + estimate
                + "Give it more, e.g.: java -Xmx" + gigabytes + "g -jar zkvm.jar " + command;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
