package dev.zkjvm.runtime;

/**
 * A contiguous run of cells of one kind.
 *
 * @param kind      what the section holds
 * @param firstCell index of its first cell (byte address = cell index * word size)
 * @param cells     number of cells, may be 0
 */
public record Section(SectionKind kind, long firstCell, long cells) {
    /** Index one past the last cell. */
    public long endCell() {
        return firstCell + cells;
    }

    /** Whether the cell belongs to this section. */
    public boolean containsCell(long cell) {
        return cell >= firstCell && cell < firstCell + cells;
    }
}
