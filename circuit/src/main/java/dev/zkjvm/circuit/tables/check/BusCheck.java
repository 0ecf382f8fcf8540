package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks every bus exactly, as a multiset: for every distinct tuple the multiplicities sent and
 * received must cancel in the field, which is precisely the statement a LogUp argument proves
 * (Σ m/(α - f) = 0 as a rational function of α holds iff every distinct fingerprint's multiplicities
 * sum to zero). No challenge is drawn, so a failure names the tuple and every row that carries it.
 *
 * <p>Two passes, both parallel: the interactions' values are evaluated and hashed (row ranges as
 * tasks); then each bus's tuples are counted in {@code S} shards by hash (bus × shard as tasks,
 * each scanning the hash arrays and counting only its own tuples), so no two workers share a table.
 */
final class BusCheck {
    private static final int GRAIN = 1 << 15;

    private BusCheck() {
    }

    /** The outcome: unmatched tuples (the first in detail), how many in all, how many interactions. */
    record Outcome(List<UnmatchedTuple> unmatched, long unmatchedCount, long interactions) {
    }

    static Outcome check(TableSystem system, SystemTrace trace, PublicTuples publicTuples, TableCheckOptions options) {
        List<Bus> buses = system.buses();
        BusSource[][] sources = new BusSource[buses.size()][];
        List<BusSource> all = new ArrayList<>();
        for (Bus b : buses) {
            List<BusSource> list = new ArrayList<>();
            for (Interaction in : system.interactionsOn(b)) {
                int t = in.table();
                list.add(BusSource.of(in, system.tables().get(t).name(), trace.columnsUnsafe(t), trace.height(t)));
            }
            List<PublicTuples.Entry> pub = publicTuples.on(b);
            for (int i = 0; i < pub.size(); i++) {
                list.add(BusSource.of(pub.get(i), i));
            }
            sources[b.index()] = list.toArray(new BusSource[0]);
            all.addAll(list);
        }
        evaluate(all, options.parallelism());

        int shards = Integer.highestOneBit(Math.max(1, options.parallelism()) * 2 - 1);
        int shardShift = 64 - Integer.numberOfTrailingZeros(shards);
        TupleCounts[][] counts = new TupleCounts[buses.size()][shards];
        long[] interactions = new long[buses.size() * shards];
        Parallel.forChunks(buses.size() * shards, options.parallelism(), () -> null, (ignored, task) -> {
            int b = task / shards;
            int shard = task % shards;
            BusSource[] src = sources[b];
            long rows = Arrays.stream(src).mapToLong(s -> s.rows).sum();
            TupleCounts tc = new TupleCounts((int) Math.min(Integer.MAX_VALUE, rows / shards));
            long n = 0;
            for (int s = 0; s < src.length; s++) {
                long[] h = src[s].hashes;
                long[] m = src[s].multiplicity;
                for (int r = 0; r < h.length; r++) {
                    if (m[r] != 0 && (shards == 1 || (int) (h[r] >>> shardShift) == shard)) {
                        tc.add(src, s, r, h[r]);
                        n++;
                    }
                }
            }
            counts[b][shard] = tc;
            interactions[task] = n;
        });
        return report(buses, sources, counts, shards, shardShift, options,
                Arrays.stream(interactions).sum());
    }

    /** Evaluates and hashes every source, in row ranges spread over the workers. */
    private static void evaluate(List<BusSource> sources, int parallelism) {
        List<int[]> tasks = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            for (int from = 0; from < sources.get(s).rows; from += GRAIN) {
                tasks.add(new int[] {s, from, Math.min(sources.get(s).rows, from + GRAIN)});
            }
        }
        Parallel.forChunks(tasks.size(), parallelism, () -> new BlockEvaluator[sources.size()], (evaluators, i) -> {
            int[] task = tasks.get(i);
            BusSource src = sources.get(task[0]);
            if (evaluators[task[0]] == null) {
                evaluators[task[0]] = src.evaluator();
            }
            src.evaluate(evaluators[task[0]], task[1], task[2]);
        });
    }

    private static Outcome report(List<Bus> buses, BusSource[][] sources, TupleCounts[][] counts, int shards,
            int shardShift, TableCheckOptions options, long interactions) {
        List<UnmatchedTuple> detailed = new ArrayList<>();
        long unmatched = 0;
        for (Bus b : buses) {
            BusSource[] src = sources[b.index()];
            // The unmatched tuples of this bus in a deterministic order: by first source, then row.
            List<long[]> found = new ArrayList<>(); // {shard, slot, source, row}
            for (int shard = 0; shard < shards; shard++) {
                TupleCounts tc = counts[b.index()][shard];
                for (int j = 0; j < tc.capacity(); j++) {
                    if (tc.sourceAt(j) >= 0 && tc.netAt(j) != 0) {
                        found.add(new long[] {shard, j, tc.sourceAt(j), tc.rowAt(j)});
                    }
                }
            }
            unmatched += found.size();
            found.sort((x, y) -> x[2] != y[2] ? Long.compare(x[2], y[2]) : Long.compare(x[3], y[3]));
            int keep = (int) Math.min(found.size(), Math.max(0, options.maxFailures() - detailed.size()));
            if (keep == 0) {
                continue;
            }
            List<long[]> kept = found.subList(0, keep);
            List<List<Occurrence>> occurrences = new ArrayList<>();
            long[] occurrenceCounts = new long[keep];
            for (int k = 0; k < keep; k++) {
                occurrences.add(new ArrayList<>());
            }
            collectOccurrences(src, counts[b.index()], shards, shardShift, kept, occurrences, occurrenceCounts,
                    options.maxOccurrences());
            for (int k = 0; k < keep; k++) {
                long[] f = kept.get(k);
                BusSource first = src[(int) f[2]];
                long[] values = first.tupleAt((int) f[3]);
                long net = counts[b.index()][(int) f[0]].netAt((int) f[1]);
                detailed.add(new UnmatchedTuple(b.name(), b.format(values), values, net, occurrences.get(k),
                        occurrenceCounts[k]));
            }
        }
        return new Outcome(detailed, unmatched, interactions);
    }

    /** One more pass over the bus's rows, listing the rows that carry one of the kept tuples. */
    private static void collectOccurrences(BusSource[] src, TupleCounts[] counts, int shards, int shardShift,
            List<long[]> kept, List<List<Occurrence>> occurrences, long[] occurrenceCounts, int maxPerTuple) {
        long[] keyed = new long[kept.size()]; // shard << 32 | slot, sorted, for a binary search per row
        for (int k = 0; k < keyed.length; k++) {
            keyed[k] = kept.get(k)[0] << 32 | kept.get(k)[1];
        }
        long[] order = keyed.clone();
        Arrays.sort(order);
        for (int s = 0; s < src.length; s++) {
            long[] h = src[s].hashes;
            long[] m = src[s].multiplicity;
            for (int r = 0; r < h.length; r++) {
                if (m[r] == 0) {
                    continue;
                }
                int shard = shards == 1 ? 0 : (int) (h[r] >>> shardShift);
                int slot = counts[shard].find(src, s, r, h[r]);
                if (slot < 0 || counts[shard].netAt(slot) == 0) {
                    continue;
                }
                long key = (long) shard << 32 | slot;
                if (Arrays.binarySearch(order, key) < 0) {
                    continue;
                }
                for (int k = 0; k < keyed.length; k++) {
                    if (keyed[k] == key) {
                        occurrenceCounts[k]++;
                        if (occurrences.get(k).size() < maxPerTuple) {
                            occurrences.get(k).add(src[s].occurrence(r));
                        }
                    }
                }
            }
        }
    }
}
