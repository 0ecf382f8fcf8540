package dev.zkjvm.circuit.eval;

import dev.zkjvm.circuit.field.Ext2;
import java.util.Arrays;

/**
 * Runs a {@link Program} over blocks of up to {@link #BLOCK} consecutive rows of a columnar table.
 * Holds the scratch vectors, so use one evaluator per thread.
 */
public final class BlockEvaluator {
    /** The largest number of rows evaluated at once. */
    public static final int BLOCK = 1024;

    private final Program program;
    private final long[][] columns;
    private final long[][] slots;
    private final long[][] constants;
    private final long[][] challenges;
    private final int nextRowOffset;
    private int start;

    /**
     * @param program the program
     * @param columns the table, indexed like the system's columns
     * @param challengeValues challenge values by challenge index (may be empty when unused)
     */
    public BlockEvaluator(Program program, long[][] columns, Ext2[] challengeValues) {
        this(program, columns, challengeValues, 1);
    }

    /**
     * An evaluator whose "next row" lies {@code nextRowOffset} entries after the current one: on a
     * low-degree extension by a blowup b, the trace's next row is b points further on.
     *
     * @param program the program
     * @param columns the table, indexed like the system's columns
     * @param challengeValues challenge values by challenge index (may be empty when unused)
     * @param nextRowOffset how far the next row is from the current one (at least 1)
     */
    public BlockEvaluator(Program program, long[][] columns, Ext2[] challengeValues, int nextRowOffset) {
        if (nextRowOffset < 1) {
            throw new IllegalArgumentException("next-row offset must be at least 1, got " + nextRowOffset);
        }
        this.nextRowOffset = nextRowOffset;
        this.program = program;
        this.columns = columns;
        this.slots = new long[program.slotCount][BLOCK];
        this.constants = new long[program.constants.length][];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = new long[BLOCK];
            Arrays.fill(constants[i], program.constants[i]);
        }
        this.challenges = new long[2 * challengeValues.length][];
        for (int i = 0; i < challengeValues.length; i++) {
            Ext2 c = challengeValues[i];
            if (c == null) {
                continue;
            }
            challenges[2 * i] = new long[BLOCK];
            challenges[2 * i + 1] = new long[BLOCK];
            Arrays.fill(challenges[2 * i], c.c0());
            Arrays.fill(challenges[2 * i + 1], c.c1());
        }
        // Row-invariant values (e.g. powers of challenges): computed once, over a whole block, and
        // kept in their slots, which the program never reuses.
        execute(0, program.prologueLength * Op.STRIDE, 0, BLOCK, (c, r) -> {
            throw new IllegalStateException("a prologue holds no checks");
        });
    }

    private long[] array(int operand) {
        int i = Operand.index(operand);
        switch (Operand.tag(operand)) {
            case Operand.SLOT: return slots[i];
            case Operand.CUR:
            case Operand.NEXT: return columns[i];
            case Operand.CONST: return constants[i];
            case Operand.CHAL:
                if (challenges[i] == null) {
                    throw new IllegalStateException("challenge " + (i / 2) + " has no value");
                }
                return challenges[i];
            default: throw new IllegalStateException("bad operand " + operand);
        }
    }

    private int offset(int operand) {
        switch (Operand.tag(operand)) {
            case Operand.CUR: return start;
            case Operand.NEXT: return start + nextRowOffset;
            default: return 0;
        }
    }

    /**
     * Evaluates rows {@code [from, from + len)}; {@code len} at most {@link #BLOCK}. Failing rows of
     * CHECK instructions go to {@code sink}.
     */
    public void run(int from, int len, FailureSink sink) {
        if (len > BLOCK) {
            throw new IllegalArgumentException("block too long: " + len);
        }
        execute(program.prologueLength * Op.STRIDE, program.code.length, from, len, sink);
    }

    private void execute(int fromPc, int toPc, int from, int len, FailureSink sink) {
        this.start = from;
        int[] code = program.code;
        for (int pc = fromPc; pc < toPc; pc += Op.STRIDE) {
            int op = code[pc];
            int a0 = code[pc + 3];
            int b0 = code[pc + 5];
            switch (op) {
                case Op.ADD:
                    Kernels.add(slots[Operand.index(code[pc + 1])], array(a0), offset(a0), array(b0), offset(b0), len);
                    break;
                case Op.SUB:
                    Kernels.sub(slots[Operand.index(code[pc + 1])], array(a0), offset(a0), array(b0), offset(b0), len);
                    break;
                case Op.MUL:
                    Kernels.mul(slots[Operand.index(code[pc + 1])], array(a0), offset(a0), array(b0), offset(b0), len);
                    break;
                case Op.NEG:
                    Kernels.neg(slots[Operand.index(code[pc + 1])], array(a0), offset(a0), len);
                    break;
                case Op.EMUL: {
                    int a1 = code[pc + 4];
                    int b1 = code[pc + 6];
                    Kernels.emul(slots[Operand.index(code[pc + 1])], slots[Operand.index(code[pc + 2])],
                            array(a0), offset(a0), array(a1), offset(a1), array(b0), offset(b0), array(b1), offset(b1),
                            len);
                    break;
                }
                case Op.CHECK:
                    Kernels.check(array(a0), offset(a0), len, from, code[pc + 1], sink);
                    break;
                case Op.CHECK2: {
                    int a1 = code[pc + 4];
                    Kernels.check2(array(a0), offset(a0), array(a1), offset(a1), len, from, code[pc + 1], sink);
                    break;
                }
                case Op.CHECK_NZ: {
                    int a1 = code[pc + 4];
                    int b1 = code[pc + 6];
                    Kernels.checkNonZeroProduct(array(a0), offset(a0), array(a1), offset(a1), array(b0), offset(b0),
                            array(b1), offset(b1), len, from, code[pc + 1], sink);
                    break;
                }
                case Op.CHECK_NZ2: {
                    int a1 = code[pc + 4];
                    int b1 = code[pc + 6];
                    Kernels.checkNonZeroProduct2(array(a0), offset(a0), array(a1), offset(a1), array(b0), offset(b0),
                            array(b1), offset(b1), len, from, code[pc + 1], sink);
                    break;
                }
                case Op.CHECK_EQ:
                    Kernels.checkEqual(array(a0), offset(a0), array(b0), offset(b0), len, from, code[pc + 1], sink);
                    break;
                case Op.CHECK_EQ2: {
                    int a1 = code[pc + 4];
                    int b1 = code[pc + 6];
                    Kernels.checkEqual2(array(a0), offset(a0), array(a1), offset(a1), array(b0), offset(b0),
                            array(b1), offset(b1), len, from, code[pc + 1], sink);
                    break;
                }
                default:
                    throw new IllegalStateException("bad opcode " + op);
            }
        }
    }

    /**
     * Copies output {@code root}'s coordinate {@code coord} (0 or 1) of the last block run into
     * {@code dest[destOffset ..]}. Only for programs from {@link ProgramCompiler#compileValues}.
     */
    public void output(int root, int coord, int len, long[] dest, int destOffset) {
        long[] values = outputArray(root, coord);
        if (values == null) {
            Arrays.fill(dest, destOffset, destOffset + len, 0L);
        } else {
            System.arraycopy(values, outputOffset(root, coord), dest, destOffset, len);
        }
    }

    /**
     * Adds {@code w·v} to two unreduced sums over the block's first {@code len} points, v the value
     * of output {@code root} (in GF(p²): {@code v0 + v1·u}) and w a GF(p²) weight given as
     * {@code k0}, {@code k1} and {@code W·k1}:
     * {@code w·v = (k0·v0 + W·k1·v1) + (k0·v1 + k1·v0)·u}.
     */
    public void addWeighted(int root, long k0, long k1, long k1W, dev.zkjvm.circuit.field.DotProducts.Sums sum0,
            dev.zkjvm.circuit.field.DotProducts.Sums sum1, int len) {
        long[] v0 = outputArray(root, 0);
        int o0 = outputOffset(root, 0);
        long[] v1 = outputArray(root, 1);
        int o1 = outputOffset(root, 1);
        sum0.mulAdd(k0, v0, o0, len);
        sum1.mulAdd(k1, v0, o0, len);
        if (v1 != null) {
            sum0.mulAdd(k1W, v1, o1, len);
            sum1.mulAdd(k0, v1, o1, len);
        }
    }

    /**
     * Where output {@code root}'s coordinate {@code coord} of the last block run lives, without
     * copying it: the values are {@code outputArray(...)[outputOffset(...) + i]} for the block's
     * rows i, valid until the next {@link #run}; {@code null} for the zero second coordinate of a
     * base output.
     */
    public long[] outputArray(int root, int coord) {
        int operand = program.outputs[2 * root + coord];
        return operand == Operand.NONE ? null : array(operand);
    }

    /** The offset that goes with {@link #outputArray(int, int)}. */
    public int outputOffset(int root, int coord) {
        int operand = program.outputs[2 * root + coord];
        return operand == Operand.NONE ? 0 : offset(operand);
    }
}
