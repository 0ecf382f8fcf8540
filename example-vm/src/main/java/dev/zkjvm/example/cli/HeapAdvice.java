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

    private HeapAdvice() {
    }

    /** Estimated peak heap to prove a witness of {@code rows} rows and {@code columns} columns. */
    static long provingBytes(long rows, int columns) {
        return BASE_BYTES + (long) Math.ceil(BYTES_PER_CELL * rows * columns);
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
        StringBuilder m = new StringBuilder("out of memory while " + stage + ": this JVM may use "
                + gib(maxHeap) + " of heap (-Xmx). ");
        long suggest;
        if (rows > 0 && columns > 0) {
            long need = provingBytes(rows, columns);
            m.append("A proof of ").append(rows).append(" rows x ").append(columns).append(" columns needs about ")
                    .append(gib(need)).append(" (measured: about ").append(String.format(Locale.ROOT, "%.0f",
                            BYTES_PER_CELL)).append(" bytes per row and column while proving, plus ")
                    .append(BASE_BYTES >> 20).append(" MiB). ");
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
