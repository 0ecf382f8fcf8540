package dev.zkjvm.runtime;

import java.util.List;

/**
 * The address space of a machine: a memory section, a stack section and a register section,
 * separated by buffer zones, in the order {@link SectionOrder} gives. Addresses are byte
 * addresses; cell {@code c} covers bytes {@code c * wordSize .. c * wordSize + wordSize - 1}.
 *
 * <p>The whole space is at most 2^32 bytes for 32-bit words and 2^48 bytes otherwise. The
 * memory-consistency circuit range-checks addresses and address differences with three 16-bit
 * limbs; the bound is what makes that check rule out wrap-around in the field.
 *
 * @param wordSize      bytes per word and per cell: 4, 8 or 32
 * @param order         head or tail placement of stack and registers
 * @param stackDepth    cells in the stack section (0: no stack)
 * @param registerCount cells in the register section
 * @param bufferCells   cells in each buffer zone
 * @param memoryCells   cells in the memory section
 */
public record MemoryLayout(int wordSize, SectionOrder order, long stackDepth, long registerCount,
                           long bufferCells, long memoryCells) {

    /** Checks the configuration; see the type documentation for the bounds. */
    public MemoryLayout {
        if (wordSize != 4 && wordSize != 8 && wordSize != 32) {
            throw new IllegalArgumentException("word size must be 4, 8 or 32 bytes, not " + wordSize);
        }
        if (stackDepth < 0 || registerCount < 0 || bufferCells < 0 || memoryCells < 0) {
            throw new IllegalArgumentException("section sizes must be >= 0: stack " + stackDepth
                    + ", registers " + registerCount + ", buffer " + bufferCells + ", memory " + memoryCells);
        }
        long total = totalCells(stackDepth, registerCount, bufferCells, memoryCells);
        if (total < 0 || total > maxAddressBytes(wordSize) / wordSize) {
            throw new IllegalArgumentException("the layout needs more than the " + maxAddressBytes(wordSize)
                    + " bytes a " + (8 * wordSize) + "-bit machine can address");
        }
    }

    /** Largest address space, in bytes, for a word size. */
    public static long maxAddressBytes(int wordSize) {
        return wordSize == 4 ? 1L << 32 : 1L << 48;
    }

    private static long totalCells(long stack, long regs, long buffer, long memory) {
        try {
            return Math.addExact(Math.addExact(Math.addExact(stack, regs), Math.multiplyExact(2, buffer)), memory);
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    /** Total number of cells, buffer zones included. */
    public long totalCells() {
        return totalCells(stackDepth, registerCount, bufferCells, memoryCells);
    }

    /** One past the last byte address. */
    public long endAddress() {
        return totalCells() * wordSize;
    }

    /** The memory section. */
    public Section memory() {
        long first = order == SectionOrder.HEAD ? stackDepth + bufferCells + registerCount + bufferCells : 0;
        return new Section(SectionKind.MEMORY, first, memoryCells);
    }

    /** The stack section. */
    public Section stack() {
        long first = order == SectionOrder.HEAD ? 0 : memoryCells + bufferCells;
        return new Section(SectionKind.STACK, first, stackDepth);
    }

    /** The register section. */
    public Section registers() {
        long first = order == SectionOrder.HEAD ? stackDepth + bufferCells : memoryCells + bufferCells + stackDepth + bufferCells;
        return new Section(SectionKind.REGISTERS, first, registerCount);
    }

    /** All sections in address order, buffer zones included. */
    public List<Section> sections() {
        Section stack = stack();
        Section regs = registers();
        Section mem = memory();
        if (order == SectionOrder.HEAD) {
            return List.of(stack, new Section(SectionKind.BUFFER, stack.endCell(), bufferCells),
                    regs, new Section(SectionKind.BUFFER, regs.endCell(), bufferCells), mem);
        }
        return List.of(mem, new Section(SectionKind.BUFFER, mem.endCell(), bufferCells),
                stack, new Section(SectionKind.BUFFER, stack.endCell(), bufferCells), regs);
    }

    /** The section holding a cell, or {@code null} if the cell is outside the address space. */
    public Section sectionOfCell(long cell) {
        for (Section s : sections()) {
            if (s.containsCell(cell)) {
                return s;
            }
        }
        return null;
    }

    /** First byte address of the memory section. */
    public long memoryBase() {
        return memory().firstCell() * wordSize;
    }

    /** Byte address of stack slot {@code slot} (slot 0 is the bottom). */
    public long stackAddress(long slot) {
        return (stack().firstCell() + slot) * wordSize;
    }

    /** Byte address of register {@code index}. */
    public long registerAddress(int index) {
        return (registers().firstCell() + index) * wordSize;
    }
}
