package dev.zkjvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryLayoutTest {
    @Test
    void headLayoutPutsStackAndRegistersBeforeMemory() {
        MemoryLayout l = new MemoryLayout(8, SectionOrder.HEAD, 10, 4, 2, 100);
        assertEquals(new Section(SectionKind.STACK, 0, 10), l.stack());
        assertEquals(new Section(SectionKind.REGISTERS, 12, 4), l.registers());
        assertEquals(new Section(SectionKind.MEMORY, 18, 100), l.memory());
        assertEquals(118, l.totalCells());
        assertEquals(118 * 8, l.endAddress());
        assertEquals(18 * 8, l.memoryBase());
        assertEquals(List.of(SectionKind.STACK, SectionKind.BUFFER, SectionKind.REGISTERS, SectionKind.BUFFER,
                SectionKind.MEMORY), l.sections().stream().map(Section::kind).toList());
        assertEquals(SectionKind.BUFFER, l.sectionOfCell(10).kind());
        assertEquals(SectionKind.BUFFER, l.sectionOfCell(17).kind());
        assertNull(l.sectionOfCell(118));
    }

    @Test
    void tailLayoutPutsMemoryAtAddressZero() {
        MemoryLayout l = new MemoryLayout(32, SectionOrder.TAIL, 10, 4, 2, 100);
        assertEquals(new Section(SectionKind.MEMORY, 0, 100), l.memory());
        assertEquals(new Section(SectionKind.STACK, 102, 10), l.stack());
        assertEquals(new Section(SectionKind.REGISTERS, 114, 4), l.registers());
        assertEquals(0, l.memoryBase());
        assertEquals(102 * 32 + 3 * 32, l.stackAddress(3));
        assertEquals(115 * 32, l.registerAddress(1));
    }

    @Test
    void rejectsBadConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryLayout(16, SectionOrder.HEAD, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MemoryLayout(8, SectionOrder.HEAD, -1, 1, 1, 1));
        // 2^30 cells of 4 bytes fill the 32-bit space exactly; one more cell overflows it.
        new MemoryLayout(4, SectionOrder.TAIL, 0, 0, 0, 1L << 30);
        assertThrows(IllegalArgumentException.class, () -> new MemoryLayout(4, SectionOrder.TAIL, 1, 0, 0, 1L << 30));
        assertThrows(IllegalArgumentException.class,
                () -> new MemoryLayout(8, SectionOrder.TAIL, 0, 0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
        // 2^45 cells of 8 bytes fill the 2^48-byte space of 64-bit machines exactly.
        new MemoryLayout(8, SectionOrder.TAIL, 0, 0, 0, 1L << 45);
        assertThrows(IllegalArgumentException.class, () -> new MemoryLayout(8, SectionOrder.TAIL, 0, 1, 0, 1L << 45));
        assertThrows(IllegalArgumentException.class, () -> new MemoryLayout(32, SectionOrder.TAIL, 0, 0, 0, 1L << 44));
    }
}
