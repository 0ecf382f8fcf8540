package dev.zkjvm.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.InputExhaustedException;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.SectionOrder;
import dev.zkjvm.runtime.StackUnderflowException;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public input, advice and output streams of {@link MachineCore}: reads, writes, atomicity. */
class StreamsTest {
    private static MachineCore<U64> core() {
        return new MachineCore<>(U64.TYPE, new MemoryLayout(8, SectionOrder.TAIL, 4, 1, 1, 16));
    }

    @Test
    void wordsAreReadInOrderAndTheTraceCarriesThem() {
        MachineCore<U64> m = core();
        m.supplyInput(List.of(U64.of(5), U64.of(6)));
        m.supplyAdvice(List.of(U64.of(9)));
        m.begin(0);
        U64 x = m.input();
        U64 y = m.input();
        m.output(x.add(y).add(m.advice()));
        m.commit();
        assertEquals(U64.of(5), x);
        assertEquals(U64.of(6), y);
        Streams<U64> s = m.trace().streams();
        assertEquals(List.of(U64.of(5), U64.of(6)), s.input());
        assertEquals(List.of(U64.of(9)), s.advice());
        assertEquals(List.of(U64.of(20)), s.output());
        assertEquals(0, m.inputLeft());
        assertEquals(0, m.trace().size(), "stream words are no trace records");
    }

    @Test
    void readingPastTheEndIsATypedErrorThatConsumesNothing() {
        MachineCore<U64> m = core();
        m.supplyInput(List.of(U64.of(1)));
        m.begin(0);
        m.input();
        InputExhaustedException e = assertThrows(InputExhaustedException.class, m::input);
        m.rollback();
        assertTrue(e.getMessage().contains("public input word 1, but the input has 1 word"), e.getMessage());
        assertEquals(1, m.inputLeft(), "the failed step's read is undone");
        assertThrows(InputExhaustedException.class, m::advice);
    }

    @Test
    void aFailedStepTakesBackItsReadsAndWrites() {
        MachineCore<U64> m = core();
        m.supplyInput(List.of(U64.of(1), U64.of(2)));
        m.supplyAdvice(List.of(U64.of(3)));
        m.begin(0);
        m.output(m.input());
        m.commit();
        m.begin(0);
        m.output(m.input());
        m.advice();
        assertThrows(StackUnderflowException.class, m::pop);
        m.rollback();
        Trace<U64> t = m.trace();
        assertEquals(List.of(U64.of(1)), t.streams().input());
        assertEquals(List.of(), t.streams().advice());
        assertEquals(List.of(U64.of(1)), t.streams().output());
        assertEquals(1, m.inputLeft());
        assertEquals(1, m.adviceLeft());
    }

    @Test
    void aHandBuiltTraceTakesOtherStreams() {
        MachineCore<U64> m = core();
        Streams<U64> s = new Streams<>(List.of(U64.of(1)), List.of(), List.of(U64.of(2)));
        Trace<U64> t = m.trace().withStreams(s);
        assertEquals(s, t.streams());
        assertTrue(m.trace().streams().isEmpty());
    }
}
