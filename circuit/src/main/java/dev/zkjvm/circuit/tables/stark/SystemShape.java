package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.fri.FriParameters;
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
 * largest polynomial domain P_max, the FRI domain of P_max·blowup points, and FRI's degree bound
 * (P_max, plus its slack with zero knowledge: every table's bound {@code P_t + P_t/64} composed with
 * {@code x ↦ x^(P_max/P_t)} is {@code P_max + P_max/64}).
 */
final class SystemShape {
    final TableSystem system;
    final StarkConfig config;
    /** The FRI parameters of the proof (more queries with zero knowledge, see {@link Hiding#parameters}). */
    final FriParameters fri;
    final Hiding hiding;
    final List<TableShape> tables;
    final int logMax;
    final int logDomain;
    /** FRI's degree bound (exclusive). */
    final long degreeBound;

    /**
     * @throws IllegalArgumentException if a height is not allowed (with the reason)
     */
    SystemShape(TableSystem system, StarkConfig config, boolean zeroKnowledge, int[] logHeights) {
        this.system = system;
        this.config = config;
        this.fri = Hiding.parameters(config.fri(), zeroKnowledge);
        this.hiding = Hiding.of(zeroKnowledge, fri);
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
            TableShape shape = new TableShape(airs.get(t.index()), l, config.blowup(), hiding);
            ts.add(shape);
            max = Math.max(max, shape.logPolyRows);
        }
        this.tables = List.copyOf(ts);
        this.logMax = max;
        this.logDomain = max + logB;
        this.degreeBound = (1L << max) + hiding.slack(1 << max);
        if (max < logK) {
            throw new IllegalArgumentException("the tallest table has 2^" + max + " rows; FRI folding by "
                    + config.fri().foldingFactor() + " needs at least " + config.fri().foldingFactor());
        }
    }
}
