package dev.zkjvm.example.alu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every word gadget against plain Java arithmetic ({@link BigInteger}), at 32, 64 and 256 bits, on
 * edge values (0, 1, maximum, sign bit, shift amounts around the width) and random ones: the
 * machine's results must be Java's, the circuit must accept the honest run, and changing any
 * single result must be rejected at that very step by a constraint of that instruction.
 */
@Tag("slow")
class ArithmeticGadgetTest {
    private static final List<String> BINARY = List.of("add", "sub", "mul", "and", "or", "xor", "shl", "shr", "ltu",
            "lts", "eq");

    /** One ALU machine: its width, how to run assembly text, and its circuit. */
    private record Alu<W extends Word<W>>(int bits, long memoryBase, Function<String, Object> assemble,
                                          Function<Object, Trace<W>> run,
                                          Function<Object, MachineCircuit<W>> circuit, IntFunction<String> mnemonics) {
    }

    @Test
    void alu32() {
        exercise(new Alu<dev.zkjvm.runtime.U32>(32, Alu32Machine.LAYOUT.memoryBase(), Alu32Assembler::parse,
                p -> run32((Alu32Program) p), p -> Alu32Circuit.circuit(List.of((Alu32Program) p)), Alu32Trace::mnemonicOf));
    }

    @Test
    void alu64() {
        exercise(new Alu<dev.zkjvm.runtime.U64>(64, Alu64Machine.LAYOUT.memoryBase(), Alu64Assembler::parse,
                p -> run64((Alu64Program) p), p -> Alu64Circuit.circuit(List.of((Alu64Program) p)), Alu64Trace::mnemonicOf));
    }

    @Test
    void alu256() {
        exercise(new Alu<dev.zkjvm.runtime.U256>(256, Alu256Machine.LAYOUT.memoryBase(), Alu256Assembler::parse,
                p -> run256((Alu256Program) p), p -> Alu256Circuit.circuit(List.of((Alu256Program) p)),
                Alu256Trace::mnemonicOf));
    }

    private static Trace<dev.zkjvm.runtime.U32> run32(Alu32Program p) {
        Alu32Machine m = Alu32Machine.create();
        m.run(p);
        return m.trace();
    }

    private static Trace<dev.zkjvm.runtime.U64> run64(Alu64Program p) {
        Alu64Machine m = Alu64Machine.create();
        m.run(p);
        return m.trace();
    }

    private static Trace<dev.zkjvm.runtime.U256> run256(Alu256Program p) {
        Alu256Machine m = Alu256Machine.create();
        m.run(p);
        return m.trace();
    }

    private static List<BigInteger> values(int bits) {
        BigInteger one = BigInteger.ONE;
        BigInteger max = one.shiftLeft(bits).subtract(one);
        BigInteger sign = one.shiftLeft(bits - 1);
        Set<BigInteger> v = new LinkedHashSet<>(List.of(BigInteger.ZERO, one, BigInteger.TWO, max, max.subtract(one),
                sign, sign.subtract(one), max.divide(BigInteger.valueOf(3)), BigInteger.valueOf(bits - 1),
                BigInteger.valueOf(bits), BigInteger.valueOf(bits + 1), BigInteger.valueOf(13), one.shiftLeft(16),
                one.shiftLeft(16).subtract(one)));
        Random random = new Random(bits);
        while (v.size() < 17) {
            v.add(new BigInteger(bits, random));
        }
        return new ArrayList<>(v);
    }

    private static BigInteger expected(String op, BigInteger a, BigInteger b, int bits) {
        BigInteger mod = BigInteger.ONE.shiftLeft(bits);
        BigInteger sign = BigInteger.ONE.shiftLeft(bits - 1);
        return switch (op) {
            case "add" -> a.add(b).mod(mod);
            case "sub" -> a.subtract(b).mod(mod);
            case "mul" -> a.multiply(b).mod(mod);
            case "and" -> a.and(b);
            case "or" -> a.or(b);
            case "xor" -> a.xor(b);
            case "shl" -> b.compareTo(BigInteger.valueOf(bits)) >= 0 ? BigInteger.ZERO
                    : a.shiftLeft(b.intValue()).mod(mod);
            case "shr" -> b.compareTo(BigInteger.valueOf(bits)) >= 0 ? BigInteger.ZERO : a.shiftRight(b.intValue());
            case "ltu" -> a.compareTo(b) < 0 ? BigInteger.ONE : BigInteger.ZERO;
            case "lts" -> (a.testBit(bits - 1) ? a.subtract(mod) : a).compareTo(b.testBit(bits - 1) ? b.subtract(mod) : b) < 0
                    ? BigInteger.ONE : BigInteger.ZERO;
            case "eq" -> a.equals(b) ? BigInteger.ONE : BigInteger.ZERO;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private <W extends Word<W>> void exercise(Alu<W> alu) {
        int bits = alu.bits();
        BigInteger mod = BigInteger.ONE.shiftLeft(bits);
        List<BigInteger> values = values(bits);
        StringBuilder asm = new StringBuilder();
        List<String> ops = new ArrayList<>();
        List<BigInteger> want = new ArrayList<>();
        for (String op : BINARY) {
            for (BigInteger a : values) {
                for (BigInteger b : values) {
                    asm.append("push ").append(a).append("\npush ").append(b).append('\n').append(op).append("\npop\n");
                    ops.add(op);
                    want.add(expected(op, a, b, bits));
                }
            }
        }
        for (BigInteger a : values) {
            asm.append("push ").append(a).append("\nnot\npop\n");
            ops.add("not");
            want.add(mod.subtract(BigInteger.ONE).subtract(a));
            asm.append("push ").append(a).append("\nmix\npop\n");
            ops.add("mix");
            want.add(a.shiftLeft(3).mod(mod).xor(a.shiftRight(13)));
            for (BigInteger c : List.of(BigInteger.ZERO, a, BigInteger.ONE.shiftLeft(bits - 1))) {
                asm.append("push 5\npush ").append(a).append("\npush ").append(c).append("\nsel\npop\n");
                ops.add("sel");
                want.add(c.signum() != 0 ? BigInteger.valueOf(5) : a);
            }
        }
        // Memory at every offset, aligned and not: store a word, read it back and the word after it.
        int ws = bits / 8;
        for (int off = 0; off < ws; off++) {
            BigInteger v = values.get(values.size() - 1 - off % 3);
            long at = alu.memoryBase() + ws + off;
            asm.append("push ").append(v).append("\npush ").append(at).append("\nstore\npush ").append(at)
                    .append("\nload\npop\n");
            ops.add("load");
            want.add(v);
        }
        asm.append("here\npop\npush 0\njz skip\npush 7\nskip: push 1\njz 0\npush 9\nset\n");
        Object program = alu.assemble().apply(asm.toString());
        Trace<W> trace = alu.run().apply(program);

        // 1. the machine computes what Java computes
        List<Integer> resultRecords = new ArrayList<>();
        List<BigInteger> got = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            String m = alu.mnemonics().apply(trace.opcode(i));
            if (trace.instruction(i) == MemoryInstruction.WRITE && (ops.contains(m)) && !m.equals("store")
                    && isLastRecordOfStep(trace, i)) {
                resultRecords.add(i);
                got.add(trace.value(i).toBigInteger());
            }
        }
        assertEquals(want, got, "results differ from Java's");

        // 2. the circuit accepts the honest run
        MachineCircuit<W> circuit = alu.circuit().apply(program);
        CheckReport honest = circuit.check(trace, alu.mnemonics());
        assertTrue(honest.isSatisfied(), honest::toString);

        // 3. every single changed result is rejected at its step, by a constraint of its instruction
        Random random = new Random(bits * 31L);
        Map<Integer, String> mutatedSteps = new HashMap<>();
        Trace<W> bad = Mutations.flipBits(trace, resultRecords, random, (record, step) ->
                mutatedSteps.put(step, alu.mnemonics().apply(trace.opcode(record))));
        CheckReport report = circuit.check(circuit.witness(bad), bad, alu.mnemonics(),
                CheckOptions.defaults().withMaxFailures(1 << 20));
        assertFalse(report.isSatisfied());
        Set<Integer> caught = new HashSet<>();
        for (Failure f : report.failures()) {
            String m = mutatedSteps.get(f.row());
            if (m != null && f.constraint().startsWith("exec." + m + ".")) {
                caught.add(f.row());
            }
        }
        Set<Integer> missed = new HashSet<>(mutatedSteps.keySet());
        missed.removeAll(caught);
        System.out.printf("%d-bit gadgets: %d results checked against Java, %d single-result mutants, %d caught at"
                + " their step%n", bits, got.size(), mutatedSteps.size(), caught.size());
        assertTrue(missed.isEmpty(), () -> missed.size() + " mutated steps not caught, e.g. step "
                + missed.iterator().next() + " (" + mutatedSteps.get(missed.iterator().next()) + ")");
    }

    private static boolean isLastRecordOfStep(Trace<?> trace, int i) {
        return i + 1 == trace.size() || trace.step(i + 1) != trace.step(i);
    }
}
