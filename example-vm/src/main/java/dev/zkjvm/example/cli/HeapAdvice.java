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

    private HeapAdvice() {
    }

    /** Estimated peak heap to prove a one-table witness of {@code rows} rows and {@code columns} columns. */
    static long provingBytes(long rows, int columns) {
        return provingBytes(rows, columns, false);
    }

    /**
     * Estimated peak heap to prove a witness of {@code rows} rows and {@code columns} columns, one
     * table or, if {@code tables}, {@code rows·columns} cells of a proof on tables' own tables.
     */
    static long provingBytes(long rows, int columns, boolean tables) {
        return tables ? TABLE_BASE_BYTES + (long) Math.ceil(TABLE_BYTES_PER_CELL * rows * columns)
                : BASE_BYTES + (long) Math.ceil(BYTES_PER_CELL * rows * columns);
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
        return message(stage, rows, columns, false, maxHeap, command);
    }

    /**
     * The out-of-memory message for a one-table witness or, if {@code tables}, a proof on tables
     * whose own tables hold {@code rows·columns} cells.
     */
    static String message(String stage, long rows, int columns, boolean tables, long maxHeap, String command) {
        StringBuilder m = new StringBuilder("out of memory while " + stage + ": this JVM may use "
                + gib(maxHeap) + " of heap (-Xmx). ");
        long suggest;
        if (rows > 0 && columns > 0) {
            long need = provingBytes(rows, columns, tables);
            m.append(tables ? "A proof on tables whose own tables hold " + rows * columns + " cells (rows x columns)"
                    : "A proof of " + rows + " rows x " + columns + " columns").append(" needs about ").append(gib(need))
                    .append(" (measured: about ")
                    .append(String.format(Locale.ROOT, "%.0f", tables ? TABLE_BYTES_PER_CELL : BYTES_PER_CELL))
                    .append(" bytes per row and column while proving, plus ")
                    .append((tables ? TABLE_BASE_BYTES : BASE_BYTES) >> 20).append(" MiB). ");
            suggest = Math.max(need + need / 4, maxHeap * 2);
        } else {
            suggest = maxHeap * 2;
        }
        long gigabytes = Math.max(1, (suggest + (1L << 30) - 1) >> 30);
        m.append("Give it more, e.g.: java -Xmx").append(gigabytes).append("g -jar zkvm.jar ").append(command);
        return m.toString();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
