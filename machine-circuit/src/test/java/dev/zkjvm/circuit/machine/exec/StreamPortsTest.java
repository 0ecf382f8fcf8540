package dev.zkjvm.circuit.machine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionOrder;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U32;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streams on hand-written instruction specs, run concretely on a {@link MachineCore} through
 * the same bodies the circuit compiles: the check holds the trace to its own statement, and a
 * proof on tables verifies for exactly its program, input and output.
 */
class StreamPortsTest {
    private static final MemoryLayout LAYOUT = new MemoryLayout(4, SectionOrder.HEAD, 8, 1, 2, 16);
    private static final List<Reg> REGISTERS = List.of(new Reg(0, "r0"));
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);
    private static final int IN = 0;
    private static final int ADV = 1;
    private static final int ADD = 2;
    private static final int OUT = 3;
    private static final int SWAP_IO = 4;
    private static final List<InstructionSpec<U32>> SPECS = List.of(
            new InstructionSpec<>("in", IN, List.of(), call -> call.stack().push(call.vm().input())),
            new InstructionSpec<>("adv", ADV, List.of(), call -> call.stack().push(call.vm().advice())),
            new InstructionSpec<>("add", ADD, List.of(), call -> {
                U32 y = call.stack().pop();
                call.stack().push(call.stack().pop().add(y));
            }),
            new InstructionSpec<>("out", OUT, List.of(), call -> call.vm().output(call.stack().pop())),
            // two words of each stream in one step: ports 0 and 1, indices count and count + 1
            new InstructionSpec<>("swap_io", SWAP_IO, List.of(), call -> {
                U32 first = call.vm().input();
                U32 second = call.vm().input();
                call.vm().output(second);
                call.vm().output(first);
            }));
    /** out(in + in + adv), then out(in). */
    private static final int[] PROGRAM = {IN, IN, ADD, ADV, ADD, OUT, IN, OUT};
    private static final long SECRET = 0x9E3779B9L;

    private static MachineCircuit<U32> circuit(int... lines) {
        List<long[]> rows = java.util.Arrays.stream(lines).mapToObj(op -> new long[] {op}).toList();
        ExecutionProgram<U32> program = ExecutionProgram.of(List.of(rows),
                (long[] line) -> java.util.Arrays.stream(line).mapToObj(U32::of).toList());
        return MachineCircuit.of("Streams", U32.TYPE, LAYOUT, REGISTERS, SPECS).forProgram(program);
    }

    /** Runs the bodies concretely, line after line (the programs here do not jump). */
    private static Trace<U32> run(int[] program, long[] input, long[] advice) {
        return ConcreteRun.run(SPECS, LAYOUT, program, input, advice);
    }

    private static Statement<U32> statement(long[] input, long[] output) {
        return new Statement<>(java.util.Arrays.stream(input).mapToObj(U32::of).toList(),
                java.util.Arrays.stream(output).mapToObj(U32::of).toList());
    }

    @Test
    void anHonestRunChecksAndStatesItsInputAndOutput() {
        Trace<U32> t = run(PROGRAM, new long[] {3, 4, 7}, new long[] {5});
        assertEquals(List.of(U32.of(12), U32.of(7)), t.streams().output());
        MachineCircuit<U32> c = circuit(PROGRAM);
        c.check(t, Integer::toString).assertSatisfied();
        assertTrue(c.system().publicSends().stream().anyMatch(s -> s.bus().equals("io.input")));
        assertTrue(c.system().columns().stream().anyMatch(col -> col.name().equals("exec.advice[0].value[0]")));
    }

    @Test
    void theCheckNamesAStreamWordTheRunDidNotMake() {
        Trace<U32> honest = run(PROGRAM, new long[] {3, 4, 7}, new long[] {5});
        MachineCircuit<U32> c = circuit(PROGRAM);
        // the output stream claims 13 where the program wrote 12: the port holds 13, the stack 12
        Trace<U32> wrongOutput = honest.withStreams(new Streams<>(honest.streams().input(),
                honest.streams().advice(), List.of(U32.of(13), U32.of(7))));
        CheckReport r = c.check(wrongOutput, Integer::toString);
        assertFalse(r.isSatisfied());
        assertTrue(r.countsByConstraint().containsKey("exec.out.output.value[0]"), r.toString());
        // one output word dropped: the second `out` has no word to take, and the statement lacks it
        Trace<U32> shortOutput = honest.withStreams(new Streams<>(honest.streams().input(),
                honest.streams().advice(), List.of(U32.of(12))));
        assertFalse(c.check(shortOutput, Integer::toString).isSatisfied());
        // another advice word changes nothing the statement says, but the stack then disagrees
        Trace<U32> otherAdvice = honest.withStreams(new Streams<>(honest.streams().input(), List.of(U32.of(6)),
                honest.streams().output()));
        assertFalse(c.check(otherAdvice, Integer::toString).isSatisfied());
    }

    @Test
    void aClaimTheRunDidNotMakeIsNamedWithItsStepAndInstruction() {
        Trace<U32> t = run(PROGRAM, new long[] {3, 4, 7}, new long[] {5});
        MachineCircuit<U32> c = circuit(PROGRAM);
        // the statement claims 13 as the first output word; the run's `out` at step 5 sent 12
        CheckReport r = c.check(c.witness(t), t, op -> SPECS.get(op).mnemonic(),
                dev.zkjvm.circuit.check.CheckOptions.defaults().withStatement(
                        c.statementTuples(statement(new long[] {3, 4, 7}, new long[] {13, 7}))));
        assertFalse(r.isSatisfied());
        assertEquals(java.util.Set.of("io.output"), r.failingConstraintNames(), r.toString());
        String text = r.toString();
        assertTrue(text.contains("exec.output[0].send at row 5 sends io.output(index=0, limb[0]=12, limb[1]=0), which"
                + " the statement does not have"), text);
        assertTrue(text.contains("step 5"), text);
        assertTrue(text.contains("the statement has io.output(index=0, limb[0]=13, limb[1]=0), which no row sends"),
                text);
        // an explicit empty statement is a claim too: the run's words are then unmatched
        CheckReport empty = c.check(c.witness(t), t, op -> SPECS.get(op).mnemonic(),
                dev.zkjvm.circuit.check.CheckOptions.defaults().withStatement(
                        dev.zkjvm.circuit.check.StatementTuples.NONE));
        assertEquals(java.util.Set.of("io.input", "io.output"), empty.failingConstraintNames(), empty.toString());
    }

    @Test
    void aStepWithTwoWordsOfAStreamSendsThemAtConsecutiveIndices() {
        int[] program = {IN, OUT, SWAP_IO, SWAP_IO};
        Trace<U32> t = run(program, new long[] {9, 1, 2, 3, 4}, new long[0]);
        assertEquals(List.of(U32.of(9), U32.of(2), U32.of(1), U32.of(4), U32.of(3)), t.streams().output());
        MachineCircuit<U32> c = circuit(program);
        c.check(t, Integer::toString).assertSatisfied();
        assertTrue(c.system().columns().stream().anyMatch(col -> col.name().equals("exec.input[1].value[0]")));
        TableProof proof = c.proveTables(t, Integer::toString, TEST, false);
        assertTrue(c.isValidTables(proof, TEST, statement(new long[] {9, 1, 2, 3, 4}, new long[] {9, 2, 1, 4, 3})));
        // the two words of one step swapped in the claim: their indices no longer match
        assertFalse(c.isValidTables(proof, TEST, statement(new long[] {9, 1, 2, 3, 4}, new long[] {9, 1, 2, 4, 3})));
        assertFalse(c.isValidTables(proof, TEST, statement(new long[] {9, 2, 1, 3, 4}, new long[] {9, 2, 1, 4, 3})));
    }

    @Test
    void aProofVerifiesForExactlyItsStatement() {
        Trace<U32> t = run(PROGRAM, new long[] {3, 4, 7}, new long[] {SECRET});
        long sum = (7 + SECRET) & 0xFFFFFFFFL;
        MachineCircuit<U32> c = circuit(PROGRAM);
        TableProof proof = c.proveTables(t, Integer::toString, TEST, true);
        long[] input = {3, 4, 7};
        assertTrue(c.isValidTables(proof, TEST, statement(input, new long[] {sum, 7})));
        List<Statement<U32>> others = List.of(
                statement(input, new long[] {sum + 1, 7}),        // an output word changed
                statement(input, new long[] {sum, 8}),
                statement(input, new long[] {sum, 7, 0}),         // a word added
                statement(input, new long[] {sum}),               // a word removed
                statement(input, new long[] {7, sum}),            // reordered
                statement(new long[] {3, 4, 8}, new long[] {sum, 7}),
                statement(new long[] {4, 3, 7}, new long[] {sum, 7}),
                statement(new long[] {3, 4}, new long[] {sum, 7}),
                statement(new long[] {3, 4, 7, SECRET}, new long[] {sum, 7}), // the advice claimed public
                Statement.none());
        for (Statement<U32> other : others) {
            assertFalse(c.isValidTables(proof, TEST, other), other.toString());
        }
        // another program (the last two lines swapped) rejects the proof for the same statement
        int[] swapped = PROGRAM.clone();
        swapped[6] = OUT;
        swapped[7] = IN;
        assertFalse(circuit(swapped).isValidTables(proof, TEST, statement(input, new long[] {sum, 7})));
    }

    @Test
    void theAdviceIsNotInAZeroKnowledgeProof() {
        Trace<U32> t = run(PROGRAM, new long[] {3, 4, 7}, new long[] {SECRET});
        byte[] bytes = circuit(PROGRAM).proveTables(t, Integer::toString, TEST, true).toBytes();
        byte[] big = {(byte) 0x9E, 0x37, 0x79, (byte) 0xB9};
        byte[] little = {(byte) 0xB9, 0x79, 0x37, (byte) 0x9E};
        assertFalse(contains(bytes, big) || contains(bytes, little), "the advice word occurs in the proof");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
