package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.RecordIssue;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.TraceRecordCheck;
import dev.zkjvm.circuit.stark.UnsatisfiedTraceException;
import dev.zkjvm.example.alu.Alu32Assembler;
import dev.zkjvm.example.alu.Alu32Circuit;
import dev.zkjvm.example.alu.Alu32Machine;
import dev.zkjvm.example.alu.Alu32Program;
import dev.zkjvm.example.alu.Alu32Trace;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U32;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Forged traces that no machine of the layout can produce are refused by the check and by the
 * prover, naming the record, field and value, also where the constraints alone accept the witness
 * (which keeps a 32-bit value's low 32 bits, only bit 0 of the flags, and no step or opcode).
 */
@Tag("slow")
class TraceRecordCheckTest {
    /** {@code add} writes 12 at record 4, {@code pop} reads it back at record 5. */
    private static final Alu32Program PROGRAM = Alu32Assembler.parse("push 5\npush 7\nadd\npop\n");
    private static final Trace<U32> TRACE = run();
    private static final MemoryLayout LAYOUT = Alu32Machine.LAYOUT;
    private static final int ADD_RESULT = 4;
    private static final int POP_READ = 5;

    private static Trace<U32> run() {
        Alu32Machine vm = Alu32Machine.create();
        vm.run(PROGRAM);
        return vm.trace();
    }

    @Test
    void theRecordsAreTheOnesTheTestsExpect() {
        assertEquals(6, TRACE.size());
        assertEquals("add", Alu32Trace.mnemonicOf(TRACE.opcode(ADD_RESULT)));
        assertEquals(1, TRACE.flag(ADD_RESULT));
        assertEquals(12, TRACE.valueLimb(ADD_RESULT, 0));
        assertEquals("pop", Alu32Trace.mnemonicOf(TRACE.opcode(POP_READ)));
        assertEquals(TRACE.address(ADD_RESULT), TRACE.address(POP_READ));
        assertTrue(Alu32Circuit.check(TRACE).isSatisfied());
        assertTrue(Alu32Circuit.check(PROGRAM, TRACE).isSatisfied());
    }

    /** The add's result off by 2^32, and the later read agreeing: the witness sees 12 twice. */
    private static Trace<U32> offBy2To32() {
        long forged = 12 + (1L << 32);
        return TraceEdits.of(TRACE).valueLimb(ADD_RESULT, 0, forged).valueLimb(POP_READ, 0, forged).build();
    }

    @Test
    void anAddResultOffBy2To32IsRefusedByTheMemoryAndTheExecutionCheck() {
        Trace<U32> forged = offBy2To32();
        for (CheckReport r : List.of(Alu32Circuit.check(forged), Alu32Circuit.check(PROGRAM, forged))) {
            assertTrue(r.constraintsSatisfied(), "the witness holds the low 32 bits only:\n" + r);
            assertFalse(r.isSatisfied(), r::toString);
            assertEquals(Set.of(TraceRecordCheck.VALUE_FITS_WORD), r.failingRecordChecks(), r::toString);
            assertEquals(List.of(ADD_RESULT, POP_READ), r.recordIssues().stream().map(RecordIssue::record).toList());
            RecordIssue add = r.recordIssues().get(0);
            assertEquals(TRACE.step(ADD_RESULT), add.step());
            assertEquals("value", add.field());
            assertEquals("4294967308", add.value());
            assertEquals("[0, 2^32): a 32-bit word", add.allowed());
            assertTrue(add.context().startsWith("record 4 (t=4, write, cell " + TRACE.address(ADD_RESULT) / 4
                    + " = stack[0], value 4294967308; step 2"), add.context());
            assertTrue(add.context().endsWith(": add)"), add.context());
            assertTrue(r.toString().contains("trace.record.value_fits_word: record 4 (step 2): value = 4294967308,"
                    + " allowed: [0, 2^32): a 32-bit word"), r::toString);
        }
    }

    @Test
    void theProverRefusesAnAddResultOffBy2To32BeforeProving() {
        UnsatisfiedTraceException e = assertThrows(UnsatisfiedTraceException.class,
                () -> Alu32Circuit.prove(PROGRAM, offBy2To32()));
        assertEquals(Set.of(TraceRecordCheck.VALUE_FITS_WORD), e.report().failingRecordChecks(), e.report()::toString);
        assertEquals(ADD_RESULT, e.report().recordIssues().get(0).record());
        assertEquals(2, e.report().recordIssueCount());
    }

    /** One forged record per family: the edit, the family, the field, and whether the constraints alone see it. */
    private record Forgery(String family, int record, String field, boolean constraintsAloneAccept,
                           UnaryOperator<TraceEdits<U32>> edit) {
    }

    private static List<Forgery> forgeries() {
        int write = ADD_RESULT;
        long buffer = LAYOUT.stack().endCell() * LAYOUT.wordSize();   // the buffer zone after the stack
        return List.of(
                new Forgery(TraceRecordCheck.TIME, 3, "time", false, e -> e.time(3, 30)),
                new Forgery(TraceRecordCheck.FLAGS, write, "flags", true, e -> e.flags(write, 1 | 4)),
                new Forgery(TraceRecordCheck.SECOND_CELL, 0, "second-cell flag", false, e -> e.secondCell(0, true)),
                new Forgery(TraceRecordCheck.ADDRESS_ALIGNED, write, "address", false,
                        e -> e.address(write, TRACE.address(write) + 1)),
                new Forgery(TraceRecordCheck.CELL_IN_SECTION, write, "address", false, e -> e.address(write, buffer)),
                new Forgery(TraceRecordCheck.DEPTH, POP_READ, "stack depth", false,
                        e -> e.depth(POP_READ, (int) LAYOUT.stackDepth() + 1)),
                new Forgery(TraceRecordCheck.VALUE_FITS_WORD, write, "value", true,
                        e -> e.valueLimb(write, 0, 12 | 1L << 40).valueLimb(POP_READ, 0, 12 | 1L << 40)),
                new Forgery(TraceRecordCheck.STEP, write, "step", true,
                        e -> e.stepAndOpcode(write, -1, TRACE.opcode(write))),
                new Forgery(TraceRecordCheck.OPCODE, write, "opcode", true,
                        e -> e.stepAndOpcode(write, TRACE.step(write), 99)));
    }

    @TestFactory
    Stream<DynamicTest> eachFamilyNamesTheForgedRecord() {
        MachineCircuit<U32> circuit = Alu32Circuit.circuit();
        return forgeries().stream().map(f -> DynamicTest.dynamicTest(f.family(), () -> {
            Trace<U32> forged = f.edit().apply(TraceEdits.of(TRACE)).build();
            CheckReport r = circuit.check(forged, Alu32Trace::mnemonicOf);
            assertFalse(r.isSatisfied(), r::toString);
            assertEquals(Set.of(f.family()), r.failingRecordChecks(), r::toString);
            RecordIssue issue = r.recordIssues().get(0);
            assertEquals(f.record(), issue.record(), r::toString);
            assertEquals(f.field(), issue.field());
            assertEquals(Math.max(-1, forged.step(f.record())), issue.step());
            assertFalse(issue.allowed().isEmpty());
            assertTrue(issue.context().startsWith("record " + f.record() + " ("), issue.context());
            assertEquals(f.constraintsAloneAccept(), r.constraintsSatisfied(), r::toString);
        }));
    }

    @Test
    void everyForgeryAlsoFailsTheExecutionCheck() {
        for (Forgery f : forgeries()) {
            Trace<U32> forged = f.edit().apply(TraceEdits.of(TRACE)).build();
            CheckReport r = Alu32Circuit.check(PROGRAM, forged);
            assertTrue(r.failingRecordChecks().contains(f.family()), () -> f.family() + ":\n" + r);
        }
    }
}
