package dev.zkjvm.circuit.machine.report;

import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The cell axis of the memory plot, broken into one lane per section of the layout. A machine's
 * sections differ in size by orders of magnitude (Cpu64: 65,536 memory cells, 4 registers), so a
 * linear axis over the whole address space would squash everything but the largest section into a
 * line. Each section that the trace touches gets an equal share of the height, spanning only the
 * cells accessed (at least {@value #MIN_SPAN} of them); buffer zones and untouched sections get a
 * thin lane; accesses outside every section, which a forged trace may make, get a lane on top.
 */
final class Lanes {
    /** Height of the whole axis, in plot units. */
    static final double HEIGHT = 1000;
    /** Fewest cells a touched section's lane spans, so that a single cell is not a full lane. */
    static final long MIN_SPAN = 8;
    private static final double THIN = 0.12;

    /**
     * One lane.
     *
     * @param kind   section kind in lower case, or {@code outside}
     * @param first  first cell shown
     * @param last   last cell shown
     * @param sectionFirst first cell of the section (for the label)
     * @param sectionCells cells in the section
     * @param touched whether any record is in this lane
     * @param y0     bottom of the lane, in plot units
     * @param y1     top of the lane
     */
    record Lane(String kind, long first, long last, long sectionFirst, long sectionCells, boolean touched,
                double y0, double y1) {
        double y(long cell) {
            return y0 + (cell - first + 0.5) / (last - first + 1) * (y1 - y0);
        }

        boolean contains(long cell) {
            return cell >= first && cell <= last;
        }
    }

    private final List<Lane> lanes;

    private Lanes(List<Lane> lanes) {
        this.lanes = List.copyOf(lanes);
    }

    /** The lanes for a layout and the cells a trace accessed ({@code cells[i]} of record {@code i}). */
    static Lanes of(MemoryLayout layout, long[] cells) {
        List<Section> sections = layout.sections();
        long[] min = new long[sections.size() + 1];
        long[] max = new long[sections.size() + 1];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        java.util.Arrays.fill(max, Long.MIN_VALUE);
        for (long c : cells) {
            int k = sectionIndex(sections, c);
            min[k] = Math.min(min[k], c);
            max[k] = Math.max(max[k], c);
        }
        int outside = sections.size();
        double total = 0;
        for (int k = 0; k <= outside; k++) {
            if (k < outside && sections.get(k).cells() == 0) {
                continue;
            }
            total += min[k] <= max[k] ? 1 : k < outside ? THIN : 0;
        }
        List<Lane> out = new ArrayList<>();
        double y = 0;
        for (int k = 0; k <= outside; k++) {
            boolean touched = min[k] <= max[k];
            if (k == outside && !touched || k < outside && sections.get(k).cells() == 0) {
                continue;
            }
            double h = HEIGHT * (touched ? 1 : THIN) / total;
            if (k == outside) {
                out.add(new Lane("outside", min[k], max[k], min[k], max[k] - min[k] + 1, true, y, y + h));
            } else {
                Section s = sections.get(k);
                long first = touched ? min[k] : s.firstCell();
                long last = touched ? max[k] : s.endCell() - 1;
                if (touched && last - first + 1 < MIN_SPAN) {
                    long span = Math.min(MIN_SPAN, s.cells());
                    first = Math.max(s.firstCell(), Math.min(first, s.endCell() - span));
                    last = first + span - 1;
                }
                out.add(new Lane(s.kind().name().toLowerCase(java.util.Locale.ROOT), first, last, s.firstCell(),
                        s.cells(), touched, y, y + h));
            }
            y += h;
        }
        return new Lanes(out);
    }

    private static int sectionIndex(List<Section> sections, long cell) {
        for (int k = 0; k < sections.size(); k++) {
            if (sections.get(k).containsCell(cell)) {
                return k;
            }
        }
        return sections.size();
    }

    /** The lanes, bottom to top. */
    List<Lane> lanes() {
        return lanes;
    }

    /** Where a cell is drawn; a cell in no lane (outside and not accessed) is placed at the top. */
    double y(long cell) {
        for (Lane lane : lanes) {
            if (lane.contains(cell)) {
                return lane.y(cell);
            }
        }
        return HEIGHT;
    }
}
