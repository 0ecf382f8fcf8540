package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.util.Parallel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Proof of work before the queries are drawn: a nonce such that
 * {@code H("zkjvm-fri-pow-v1" || state || nonce)} (H the transcript's hash, state its current
 * 32-byte state, the nonce as 8 little-endian bytes) starts with {@code bits} zero bits. The nonce
 * is then absorbed, so the queries depend on it. Re-drawing the queries costs a cheating prover
 * about {@code 2^bits} hashes each time, which is what the grinding term of the security estimate
 * counts. The work hash is computed apart from the transcript so that a search reuses one hasher
 * per worker instead of copying the transcript per trial.
 */
final class FriGrinding {
    static final String LABEL = "fri/pow-nonce";
    private static final byte[] PREFIX = "zkjvm-fri-pow-v1".getBytes(StandardCharsets.US_ASCII);
    /** Nonces per chunk of parallel search. */
    private static final int CHUNK = 1 << 12;

    private FriGrinding() {
    }

    /** Whether {@code nonce} meets the difficulty for the transcript in its current state (not modified). */
    static boolean check(Transcript transcript, int bits, long nonce) {
        return meets(transcript.algorithm().newHasher(), transcript.state(), new byte[8], bits, nonce);
    }

    private static boolean meets(Hasher h, byte[] state, byte[] buf, int bits, long nonce) {
        for (int i = 0; i < 8; i++) {
            buf[i] = (byte) (nonce >>> (8 * i));
        }
        h.update(PREFIX);
        h.update(state);
        h.update(buf);
        return leadingZeros(h.digest()) >= bits;
    }

    /** Per-worker search state. */
    private static final class Worker {
        final Hasher hasher;
        final byte[] buf = new byte[8];
        long best = Long.MAX_VALUE;

        Worker(Hasher hasher) {
            this.hasher = hasher;
        }
    }

    /**
     * The smallest non-negative nonce that meets the difficulty; the search runs on all workers,
     * in rounds of one chunk per worker, and a round's smallest hit wins, so the result does not
     * depend on the schedule.
     */
    static long find(Transcript transcript, int bits) {
        if (bits == 0) {
            return 0;
        }
        byte[] state = transcript.state();
        int workers = Parallel.parallelism();
        for (long base = 0; base >= 0; base += (long) workers * CHUNK) {
            long start = base;
            List<Worker> done = Parallel.forChunks(workers, workers, () -> new Worker(transcript.algorithm().newHasher()),
                    (w, c) -> {
                        long from = start + (long) c * CHUNK;
                        for (long n = from; n < from + CHUNK && n < w.best; n++) {
                            if (meets(w.hasher, state, w.buf, bits, n)) {
                                w.best = n;
                            }
                        }
                    });
            long min = Long.MAX_VALUE;
            for (Worker w : done) {
                min = Math.min(min, w.best);
            }
            if (min != Long.MAX_VALUE) {
                return min;
            }
        }
        throw new IllegalStateException("no proof-of-work nonce found");
    }

    /** The number of leading zero bits of {@code digest}, most significant bit of byte 0 first. */
    static int leadingZeros(byte[] digest) {
        int n = 0;
        for (byte b : digest) {
            if (b != 0) {
                return n + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
            }
            n += 8;
        }
        return n;
    }
}
