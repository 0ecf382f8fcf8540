package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.util.Parallel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Proof of work before the queries are drawn: a nonce such that
 * {@code H("zkjvm-pow-v2" || state || nonce)} (H the transcript's hash, state its current
 * 32-byte state, the nonce as 8 little-endian bytes) starts with {@code bits} zero bits. The 52
 * bytes fit one SHA-256 block with its padding (the 16-byte label of v1 made every trial two
 * blocks), which halves the cost of a trial. The nonce
 * is then absorbed, so the queries depend on it. Re-drawing the queries costs a cheating prover
 * about {@code 2^bits} hashes each time, which is what the grinding term of the security estimate
 * counts. The work hash is computed apart from the transcript so that a search reuses one hasher
 * per worker instead of copying the transcript per trial.
 */
final class FriGrinding {
    static final String LABEL = "fri/pow-nonce";
    private static final byte[] PREFIX = "zkjvm-pow-v2".getBytes(StandardCharsets.US_ASCII);
    /** Nonces per chunk of parallel search. */
    private static final int CHUNK = 1 << 12;
    /** Chunks per call of the pool: 2^24 nonces, 16 times the expected search at 20 bits. */
    private static final int CHUNKS_PER_BATCH = 1 << 12;

    private FriGrinding() {
    }

    /** Whether {@code nonce} meets the difficulty for the transcript in its current state (not modified). */
    static boolean check(Transcript transcript, int bits, long nonce) {
        return meets(transcript.algorithm().newHasher(), message(transcript.state()), new byte[Hasher.DIGEST_SIZE], bits,
                nonce);
    }

    /** The label and the state, followed by 8 bytes for the nonce. */
    private static byte[] message(byte[] state) {
        byte[] m = new byte[PREFIX.length + state.length + 8];
        System.arraycopy(PREFIX, 0, m, 0, PREFIX.length);
        System.arraycopy(state, 0, m, PREFIX.length, state.length);
        return m;
    }

    /**
     * Whether the nonce meets the difficulty; writes it into the last 8 bytes of {@code message} and
     * the digest into {@code digest}.
     */
    private static boolean meets(Hasher h, byte[] message, byte[] digest, int bits, long nonce) {
        int at = message.length - 8;
        for (int i = 0; i < 8; i++) {
            message[at + i] = (byte) (nonce >>> (8 * i));
        }
        h.update(message);
        h.digest(digest, 0);
        return leadingZeros(digest) >= bits;
    }

    /**
     * The smallest non-negative nonce that meets the difficulty. The nonces are cut into chunks
     * handed to the workers in increasing order; a worker that finds a hit lowers the shared bound
     * {@code best}, and no chunk is started, nor a nonce tried, at or above it. Every nonce below
     * the result has therefore been tried (its chunk was handed out before the hit's and runs to
     * the bound), so the result does not depend on the schedule. Why not rounds of one chunk per
     * worker, as before: each round waited for its slowest worker and woke the workers again; on
     * the shared 2-core machine one search took about 80 ns of wall time per nonce in rounds and
     * about 62 ns this way (12 transcripts at 20 bits, 5.9 M nonces, three alternating runs).
     */
    static long find(Transcript transcript, int bits) {
        if (bits == 0) {
            return 0;
        }
        byte[] state = transcript.state();
        AtomicLong best = new AtomicLong(Long.MAX_VALUE);
        for (long base = 0; base >= 0 && best.get() == Long.MAX_VALUE; base += (long) CHUNKS_PER_BATCH * CHUNK) {
            long start = base;
            Parallel.forChunks(CHUNKS_PER_BATCH, Parallel.parallelism(), () -> transcript.algorithm().newHasher(),
                    (h, c) -> {
                        byte[] message = message(state);
                        byte[] digest = new byte[Hasher.DIGEST_SIZE];
                        long from = start + (long) c * CHUNK;
                        for (long n = from; n < from + CHUNK && n < best.get(); n++) {
                            if (meets(h, message, digest, bits, n)) {
                                best.accumulateAndGet(n, Math::min);
                                return;
                            }
                        }
                    });
        }
        if (best.get() == Long.MAX_VALUE) {
            throw new IllegalStateException("no proof-of-work nonce found");
        }
        return best.get();
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
