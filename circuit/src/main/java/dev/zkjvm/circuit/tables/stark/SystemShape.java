package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.SystemTraceBuilder;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.logup.LogupWitness;
import dev.zkjvm.circuit.tables.logup.TableAir;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a proof of a table system at given heights: every table's {@link TableShape}, the
 * tallest height N, the FRI domain of N·blowup points and its tree of N·blowup/k rows.
 */
final class SystemShape {
    final TableSystem system;
    final StarkConfig config;
    final List<TableShape> tables;
    final int logMax;
    final int logDomain;
    /** log2 of the rows of the mixed trees: the FRI domain's size over the folding factor. */
    final int logTreeRows;

    /**
     * @throws IllegalArgumentException if a height is not allowed (with the reason)
     */
    SystemShape(TableSystem system, StarkConfig config, int[] logHeights) {
        this.system = system;
        this.config = config;
        if (logHeights.length != system.tables().size()) {
            throw new IllegalArgumentException(logHeights.length + " heights for " + system.tables().size() + " tables");
        }
        List<TableAir> airs = LogupWitness.airs(system);
        int logB = config.fri().logBlowup();
        int logK = config.fri().logFoldingFactor();
        List<TableShape> ts = new ArrayList<>();
        int max = 0;
        for (Table t : system.tables()) {
            int l = logHeights[t.index()];
            if (l < 0 || l > SystemTraceBuilder.MAX_LOG_HEIGHT || (1L << l) < t.minHeight()) {
                throw new IllegalArgumentException("table " + t.name() + ": height 2^" + l + " outside [" + t.minHeight()
                        + ", 2^" + SystemTraceBuilder.MAX_LOG_HEIGHT + "]");
            }
            if (t.isPreprocessed() && (1 << l) != t.fixedHeight()) {
                throw new IllegalArgumentException("table " + t.name() + " is preprocessed at " + t.fixedHeight()
                        + " rows, not 2^" + l);
            }
            if (l + logB < logK) {
                throw new IllegalArgumentException("table " + t.name() + ": 2^" + l + " rows extended by "
                        + config.blowup() + " give fewer points than the folding factor " + config.fri().foldingFactor());
            }
            ts.add(new TableShape(airs.get(t.index()), l, config.blowup()));
            max = Math.max(max, l);
        }
        this.tables = List.copyOf(ts);
        this.logMax = max;
        this.logDomain = max + logB;
        this.logTreeRows = logDomain - logK;
        if ((1L << max) <= config.fri().remainderMaxDegree() + 1L || max < logK) {
            throw new IllegalArgumentException("the tallest table has 2^" + max + " rows; FRI with these parameters"
                    + " needs more than " + (config.fri().remainderMaxDegree() + 1));
        }
    }

    /** {@code s_t = log2(N / n_t)}: the table's domain is the FRI domain's image under x ↦ c·x^(2^s). */
    int shift(TableShape t) {
        return logMax - t.logRows;
    }
}
