package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Goldilocks;
import java.math.BigInteger;
import java.util.SplittableRandom;

/** Shared reference arithmetic for the polynomial tests (BigInteger, O(n²)). */
final class PolyTestSupport {
    static final BigInteger P = new BigInteger(Long.toUnsignedString(Goldilocks.P));

    private PolyTestSupport() {
    }

    static BigInteger big(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    static long random(SplittableRandom rnd) {
        return Goldilocks.fromUnsigned(rnd.nextLong());
    }

    static long[] random(SplittableRandom rnd, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = random(rnd);
        }
        return a;
    }

    /** ω_n = 7^((p-1)/n) computed with BigInteger, independently of {@link TwoAdic}. */
    static BigInteger bigRoot(int n) {
        return BigInteger.valueOf(7).modPow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)), P);
    }

    /** out[k] = Σ_i a[i]·root^(ik) mod p, optionally times 1/n. */
    static long[] naiveDft(long[] a, BigInteger root, boolean scaleByInverseN) {
        int n = a.length;
        BigInteger[] pw = new BigInteger[n];
        BigInteger acc = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            pw[i] = acc;
            acc = acc.multiply(root).mod(P);
        }
        BigInteger invN = BigInteger.valueOf(n).modInverse(P);
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                s = s.add(big(a[i]).multiply(pw[(int) (((long) i * k) % n)]));
            }
            s = s.mod(P);
            if (scaleByInverseN) {
                s = s.multiply(invN).mod(P);
            }
            out[k] = s.longValue();
        }
        return out;
    }

    /** Σ c[i]·x^i mod p with BigInteger. */
    static long naiveEval(long[] c, long x) {
        BigInteger s = BigInteger.ZERO;
        BigInteger xp = BigInteger.ONE;
        BigInteger bx = big(x);
        for (long v : c) {
            s = s.add(big(v).multiply(xp)).mod(P);
            xp = xp.multiply(bx).mod(P);
        }
        return s.longValue();
    }
}
