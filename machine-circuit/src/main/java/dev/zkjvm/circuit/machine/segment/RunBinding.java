package dev.zkjvm.circuit.machine.segment;

import dev.zkjvm.circuit.machine.Statement;
import dev.zkjvm.runtime.Word;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The context each segment's proof is bound to: a SHA-256 digest of the run's statement (machine,
 * number of programs, input, output) and of its cut (segment steps, segment count), as eight
 * 32-bit field elements,
 * followed by the segment's index and the count. A segment's proof from another run, another cut or
 * another place in this run is made over other context words, and its transcript's challenges differ.
 */
public final class RunBinding {
    private final long[] digest;
    private final int count;

    private RunBinding(long[] digest, int count) {
        this.digest = digest;
        this.count = count;
    }

    /**
     * The binding of a run of machine {@code machine}'s {@code runs} programs (those with
     * instructions; the programs themselves are bound by each segment's verifying key, which holds
     * them) with this statement, cut into {@code count} segments of {@code segmentSteps} steps.
     */
    public static <W extends Word<W>> RunBinding of(String machine, int runs, Statement<W> statement,
            long segmentSteps, int count) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("zkjvm/segmented-run/2".getBytes(StandardCharsets.UTF_8));
            byte[] name = machine.getBytes(StandardCharsets.UTF_8);
            ByteBuffer head = ByteBuffer.allocate(4 + name.length + 4 + 8 + 4 + 4 + 4);
            head.putInt(name.length).put(name).putInt(runs);
            head.putLong(segmentSteps).putInt(count).putInt(statement.input().size()).putInt(statement.output().size());
            sha.update(head.array());
            words(sha, statement.input());
            words(sha, statement.output());
            ByteBuffer d = ByteBuffer.wrap(sha.digest());
            long[] out = new long[8];
            for (int i = 0; i < 8; i++) {
                out[i] = Integer.toUnsignedLong(d.getInt());
            }
            return new RunBinding(out, count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static <W extends Word<W>> void words(MessageDigest sha, List<W> words) {
        ByteBuffer b = ByteBuffer.allocate(8);
        for (W w : words) {
            for (int l = 0; l < w.type().limbs(); l++) {
                b.clear();
                b.putLong(w.limb(l));
                sha.update(b.array());
            }
        }
    }

    /** The context words of segment {@code index}. */
    public long[] context(int index) {
        long[] out = java.util.Arrays.copyOf(digest, digest.length + 2);
        out[digest.length] = index;
        out[digest.length + 1] = count;
        return out;
    }
}
