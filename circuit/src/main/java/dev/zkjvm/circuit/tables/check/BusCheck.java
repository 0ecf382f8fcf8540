package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Direction;
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
 * <p>The interactions' values are evaluated and hashed in parallel (row ranges as tasks); then each
 * bus's tuples are counted by {@link BusCounts}; only if some tuple is unmatched does a last pass
 * look for the rows that carry it.
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

        BusCounts[] counts = new BusCounts[buses.size()];
        long interactions = 0;
        for (Bus b : buses) {
            counts[b.index()] = BusCounts.count(sources[b.index()], b.width(), options.parallelism());
            interactions += counts[b.index()].interactions();
        }
        return report(buses, sources, counts, options, interactions);
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

    private static Outcome report(List<Bus> buses, BusSource[][] sources, BusCounts[] counts,
            TableCheckOptions options, long interactions) {
        List<UnmatchedTuple> detailed = new ArrayList<>();
        long unmatched = 0;
        for (Bus b : buses) {
            BusCounts bc = counts[b.index()];
            List<long[]> found = new ArrayList<>(); // {partition, slot}
            for (int p = 0; p < bc.partitionCount(); p++) {
                for (int j : bc.partition(p).unmatchedSlots()) {
                    found.add(new long[] {p, j});
                }
            }
            unmatched += found.size();
            int keep = (int) Math.min(found.size(), Math.max(0, options.maxFailures() - detailed.size()));
            if (keep == 0) {
                continue;
            }
            // A deterministic order: by the tuples' values.
            found.sort((x, y) -> Arrays.compareUnsigned(bc.partition((int) x[0]).tupleAt((int) x[1]),
                    bc.partition((int) y[0]).tupleAt((int) y[1])));
            List<long[]> kept = found.subList(0, keep);
            List<List<Occurrence>> occurrences = new ArrayList<>();
            long[] occurrenceCounts = new long[keep];
            long[] sent = new long[keep];
            long[] received = new long[keep];
            for (int k = 0; k < keep; k++) {
                occurrences.add(new ArrayList<>());
            }
            collectOccurrences(sources[b.index()], bc, kept, occurrences, occurrenceCounts, sent, received,
                    options.maxOccurrences(), options.rowNames());
            for (int k = 0; k < keep; k++) {
                TupleCounts tc = bc.partition((int) kept.get(k)[0]);
                int slot = (int) kept.get(k)[1];
                long[] values = tc.tupleAt(slot);
                detailed.add(new UnmatchedTuple(b.name(), b.format(values), values, tc.netAt(slot),
                        occurrences.get(k), occurrenceCounts[k], sent[k], received[k]));
            }
        }
        return new Outcome(detailed, unmatched, interactions);
    }

    /**
     * One more pass over the bus's rows, listing the rows that carry one of the kept tuples and
     * summing each tuple's sent and received multiplicities.
     */
    private static void collectOccurrences(BusSource[] src, BusCounts counts, List<long[]> kept,
            List<List<Occurrence>> occurrences, long[] occurrenceCounts, long[] sent, long[] received,
            int maxPerTuple, RowNames names) {
        long[] keyed = new long[kept.size()]; // partition << 32 | slot, for a binary search per row
        for (int k = 0; k < keyed.length; k++) {
            keyed[k] = kept.get(k)[0] << 32 | kept.get(k)[1];
        }
        long[] order = keyed.clone();
        Arrays.sort(order);
        for (BusSource s : src) {
            long[] h = s.hashes;
            long[] m = s.multiplicity;
            for (int r = 0; r < h.length; r++) {
                if (m[r] == 0) {
                    continue;
                }
                int p = counts.partitionOf(h[r]);
                int slot = counts.partition(p).find(s, r, h[r]);
                long key = (long) p << 32 | slot;
                if (slot < 0 || Arrays.binarySearch(order, key) < 0) {
                    continue;
                }
                for (int k = 0; k < keyed.length; k++) {
                    if (keyed[k] == key) {
                        occurrenceCounts[k]++;
                        if (s.direction == Direction.SEND) {
                            sent[k] = Goldilocks.add(sent[k], m[r]);
                        } else {
                            received[k] = Goldilocks.add(received[k], m[r]);
                        }
                        if (occurrences.get(k).size() < maxPerTuple) {
                            occurrences.get(k).add(s.occurrence(r, names));
                        }
                    }
                }
            }
        }
    }
}
