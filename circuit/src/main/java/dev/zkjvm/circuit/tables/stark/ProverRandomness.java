package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The zero-knowledge prover's secret randomness: a 256-bit seed from {@link SecureRandom}
 * expanded by AES-256 in counter mode, a standard pseudorandom generator that the JDK runs on the
 * processor's AES instructions (a million salts cost milliseconds). Each use draws its own stream,
 * named by a purpose and an index, so that streams are independent and can be drawn in parallel;
 * field elements are 64-bit words below p, others skipped, so each is uniform.
 */
final class ProverRandomness {
    /** Purposes of the streams. */
    enum Purpose {
        TRACE_RANDOMIZER, CHUNK_BLINDING, FRI_MASK, SALT_MAIN, SALT_AUX, SALT_COMPOSITION, SHARE_MASK
    }

    private static final int SEGMENT = 1 << 14;
    private final SecretKeySpec key;

    private ProverRandomness(byte[] seed) {
        this.key = new SecretKeySpec(seed, "AES");
    }

    /** Fresh randomness for one proof. */
    static ProverRandomness fresh() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new ProverRandomness(seed);
    }

    /** Randomness from a given seed: for tests that need a proof twice. */
    static ProverRandomness fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("a seed has 32 bytes");
        }
        return new ProverRandomness(seed.clone());
    }

    /** {@code count} uniform field elements of the stream (purpose, index). */
    long[] elements(Purpose purpose, long index, int count) {
        if (count > SEGMENT * 65536L) {
            throw new IllegalArgumentException("at most 2^30 elements per stream");
        }
        long[] out = new long[count];
        int segments = (count + SEGMENT - 1) / SEGMENT;
        Parallel.forChunks(segments, Parallel.parallelism(), () -> null, (ignored, s) -> {
            int from = s * SEGMENT;
            fill(purpose, index, s, out, from, Math.min(SEGMENT, count - from));
        });
        return out;
    }

    /** Fills {@code out[from, from + count)} from segment s of the stream. */
    private void fill(Purpose purpose, long index, int segment, long[] out, int from, int count) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            // the counter block: purpose (2 bytes), index (8), segment (2), then a 32-bit block
            // counter from 0, so that no two streams or segments share a block
            ByteBuffer iv = ByteBuffer.allocate(16).putShort((short) purpose.ordinal()).putLong(index)
                    .putChar((char) segment).putInt(0);
            aes.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv.array()));
            int filled = 0;
            byte[] zeros = new byte[8 * Math.max(count, 1) + 64];
            while (filled < count) {
                ByteBuffer words = ByteBuffer.wrap(aes.update(zeros, 0, 8 * (count - filled) + 64));
                while (filled < count && words.remaining() >= 8) {
                    long v = words.getLong();
                    if (Goldilocks.isCanonical(v)) {
                        out[from + filled++] = v;
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is part of every Java runtime", e);
        }
    }
}
