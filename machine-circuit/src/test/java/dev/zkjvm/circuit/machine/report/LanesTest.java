package dev.zkjvm.circuit.machine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.SectionOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanesTest {
    /** Cpu64's layout: memory 0-65535, buffer, stack 65552-66575, buffer, registers 66592-66595. */
    private static final MemoryLayout LAYOUT = new MemoryLayout(8, SectionOrder.TAIL, 1024, 4, 16, 65536);

    @Test
    void touchedSectionsShareTheHeightAndSpanTheirAccessedCells() {
        Lanes lanes = Lanes.of(LAYOUT, new long[] {0, 199, 65552, 65554, 66592, 66595});
        List<Lanes.Lane> l = lanes.lanes();
        assertEquals(List.of("memory", "buffer", "stack", "buffer", "registers"), l.stream().map(Lanes.Lane::kind).toList());
        assertEquals(0, l.get(0).first());
        assertEquals(199, l.get(0).last());
        assertEquals(65552, l.get(2).first());
        assertEquals(65552 + Lanes.MIN_SPAN - 1, l.get(2).last(), "a lane spans at least MIN_SPAN cells");
        assertEquals(l.get(0).y1() - l.get(0).y0(), l.get(4).y1() - l.get(4).y0(), 1e-9);
        assertTrue(l.get(1).y1() - l.get(1).y0() < (l.get(0).y1() - l.get(0).y0()) / 4, "buffer lanes are thin");
        assertEquals(Lanes.HEIGHT, l.get(4).y1(), 1e-9);
        assertTrue(lanes.y(0) < lanes.y(199) && lanes.y(199) < lanes.y(65552) && lanes.y(65554) < lanes.y(66592));
    }

    @Test
    void accessesOutsideEverySectionGetTheirOwnLaneOnTop() {
        Lanes lanes = Lanes.of(LAYOUT, new long[] {5, 1L << 20});
        List<Lanes.Lane> l = lanes.lanes();
        assertEquals("outside", l.get(l.size() - 1).kind());
        assertEquals(Lanes.HEIGHT, l.get(l.size() - 1).y1(), 1e-9);
        assertTrue(lanes.y(1L << 20) > lanes.y(66595));
        assertEquals(1, l.stream().filter(x -> x.kind().equals("stack") && !x.touched()).count());
    }
}
