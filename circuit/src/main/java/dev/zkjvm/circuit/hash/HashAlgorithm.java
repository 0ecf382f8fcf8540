package dev.zkjvm.circuit.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** The hash functions available to transcripts and Merkle trees; all produce 32 bytes. */
public enum HashAlgorithm {
    /** SHA-256 from the JDK (the default). */
    SHA256,
    /** Keccak-256 (the original Keccak padding, as in Ethereum) from BouncyCastle. */
    KECCAK256,
    /** BLAKE3 with 32-byte output from BouncyCastle. */
    BLAKE3;

    /** The default algorithm. */
    public static final HashAlgorithm DEFAULT = SHA256;

    /** A fresh hasher instance. */
    public Hasher newHasher() {
        switch (this) {
            case SHA256:
                try {
                    return new JdkHasher(MessageDigest.getInstance("SHA-256"));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 missing from the JDK", e);
                }
            case KECCAK256:
                return new BcHasher(new KeccakDigest(256));
            case BLAKE3:
                return new BcHasher(new Blake3Digest(256));
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Hashes {@code data} in one call. */
    public byte[] hash(byte[] data) {
        Hasher h = newHasher();
        h.update(data);
        return h.digest();
    }

    private static final class JdkHasher implements Hasher {
        private final MessageDigest md;

        JdkHasher(MessageDigest md) {
            this.md = md;
        }

        @Override
        public void update(byte[] data, int off, int len) {
            md.update(data, off, len);
        }

        @Override
        public void update(byte b) {
            md.update(b);
        }

        @Override
        public void digest(byte[] out, int off) {
            try {
                md.digest(out, off, DIGEST_SIZE);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class BcHasher implements Hasher {
        private final Digest d;

        BcHasher(Digest d) {
            this.d = d;
        }

        @Override
        public void update(byte[] data, int off, int len) {
            d.update(data, off, len);
        }

        @Override
        public void update(byte b) {
            d.update(b);
        }

        @Override
        public void digest(byte[] out, int off) {
            d.doFinal(out, off);
        }
    }
}
