package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * The net multiplicity of every distinct tuple of one bus, counted cache-consciously: the
 * non-zero rows are first scattered by the top bits of their hash into partitions small enough for
 * the processor's cache (records {@code (hash, signed multiplicity, values)} written sequentially),
 * then each partition is counted in its own small hash table. A single table over all tuples would
 * miss the cache on nearly every row of a large bus; this way each row is written once, read once,
 * both sequentially.
 *
 * <p>Both passes are parallel: the scatter over row ranges (each range with its own histogram and
 * write offsets, so the layout does not depend on scheduling), the counting over partitions.
 */
final class BusCounts {
    /** Rows per scatter task. */
    private static final int GRAIN = 1 << 16;
    /** Aim of the number of records per partition: its table (two slots per record) stays in L2. */
    private static final int RECORDS_PER_PARTITION = 1 << 12;
    private static final int MAX_PARTITION_BITS = 12;

    private final int partitionBits;
    private final TupleCounts[] partitions;
    private final long interactions;

    private BusCounts(int partitionBits, TupleCounts[] partitions, long interactions) {
        this.partitionBits = partitionBits;
        this.partitions = partitions;
        this.interactions = interactions;
    }

    /** Counts the non-zero rows of {@code sources} (all on one bus of the given width). */
    static BusCounts count(BusSource[] sources, int width, int parallelism) {
        List<int[]> tasks = new ArrayList<>(); // {source, from, to}
        long total = 0;
        for (int s = 0; s < sources.length; s++) {
            for (int from = 0; from < sources[s].rows; from += GRAIN) {
                tasks.add(new int[] {s, from, Math.min(sources[s].rows, from + GRAIN)});
            }
            total += sources[s].rows;
        }
        int bits = 0;
        while (bits < MAX_PARTITION_BITS && (total >> bits) > RECORDS_PER_PARTITION) {
            bits++;
        }
        int parts = 1 << bits;
        int shift = 64 - bits;
        // Pass 1: each task's histogram of non-zero rows per partition.
        int[][] histogram = new int[tasks.size()][parts];
        Parallel.forChunks(tasks.size(), parallelism, () -> null, (ignored, i) -> {
            int[] task = tasks.get(i);
            BusSource src = sources[task[0]];
            int[] hist = histogram[i];
            for (int r = task[1]; r < task[2]; r++) {
                if (src.multiplicity[r] != 0) {
                    hist[partition(src.hashes[r], shift)]++;
                }
            }
        });
        // Write offsets: partition-major, then task order.
        int stride = width + 2;
        int[] partitionStart = new int[parts + 1];
        int[][] offset = new int[tasks.size()][parts];
        long records = 0;
        for (int p = 0; p < parts; p++) {
            partitionStart[p] = Math.toIntExact(records);
            for (int i = 0; i < tasks.size(); i++) {
                offset[i][p] = Math.toIntExact(records * stride);
                records += histogram[i][p];
            }
        }
        partitionStart[parts] = Math.toIntExact(records);
        if (records * stride > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a bus of " + records + " interactions is too large to check at once");
        }
        long[] buffer = new long[(int) records * stride];
        // Pass 2: scatter.
        Parallel.forChunks(tasks.size(), parallelism, () -> null, (ignored, i) -> {
            int[] task = tasks.get(i);
            BusSource src = sources[task[0]];
            int[] at = offset[i];
            boolean send = src.direction == Direction.SEND;
            long[][] tuple = src.tuple;
            for (int r = task[1]; r < task[2]; r++) {
                long m = src.multiplicity[r];
                if (m == 0) {
                    continue;
                }
                long h = src.hashes[r];
                int p = partition(h, shift);
                int o = at[p];
                buffer[o] = h;
                buffer[o + 1] = send ? m : Goldilocks.neg(m);
                for (int k = 0; k < width; k++) {
                    buffer[o + 2 + k] = tuple[k][r];
                }
                at[p] = o + stride;
            }
        });
        // Pass 3: count each partition in a table of its own.
        TupleCounts[] tables = new TupleCounts[parts];
        Parallel.forChunks(parts, parallelism, () -> null, (ignored, p) -> {
            int n = partitionStart[p + 1] - partitionStart[p];
            TupleCounts tc = new TupleCounts(width, Integer.highestOneBit(Math.max(8, 2 * n - 1)) << 1);
            for (int i = partitionStart[p]; i < partitionStart[p + 1]; i++) {
                tc.add(buffer, i * stride);
            }
            tc.findUnmatched();
            tables[p] = tc;
        });
        return new BusCounts(bits, tables, records);
    }

    private static int partition(long hash, int shift) {
        return shift == 64 ? 0 : (int) (hash >>> shift);
    }

    /** How many non-zero rows were counted. */
    long interactions() {
        return interactions;
    }

    /** The number of partitions. */
    int partitionCount() {
        return partitions.length;
    }

    /** Partition p's table. */
    TupleCounts partition(int p) {
        return partitions[p];
    }

    /** The partition that holds the tuple with this hash. */
    int partitionOf(long hash) {
        return partition(hash, 64 - partitionBits);
    }
}
