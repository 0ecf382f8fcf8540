package dev.zkjvm.circuit.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    static Ext2 run(HashAlgorithm a, String domain, Consumer<Transcript> script) {
        Transcript t = new Transcript(domain, a);
        script.accept(t);
        return t.challengeExt("c");
    }

    static final Consumer<Transcript> SCRIPT = t -> {
        t.absorbBytes("b", new byte[] {1, 2, 3});
        t.absorbLong("n", 1024);
        t.absorbField("f", 0, 1, Goldilocks.P - 1);
        t.absorbExt("e", new Ext2(3, 4));
        t.absorbRoot("root", new byte[32]);
    };

    @Test
    void deterministic() {
        for (HashAlgorithm a : HashAlgorithm.values()) {
            assertEquals(run(a, "d", SCRIPT), run(a, "d", SCRIPT));
            Transcript t1 = new Transcript("d", a);
            Transcript t2 = new Transcript("d", a);
            SCRIPT.accept(t1);
            SCRIPT.accept(t2);
            assertEquals(t1, t2);
            Transcript copy = t1.copy();
            assertEquals(t1.challengeExt("x"), copy.challengeExt("x"));
        }
    }

    @Test
    void everythingSeparates() {
        Set<Ext2> seen = new HashSet<>();
        for (HashAlgorithm a : HashAlgorithm.values()) {
            seen.add(run(a, "d", SCRIPT));
        }
        seen.add(run(HashAlgorithm.SHA256, "other-domain", SCRIPT));
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbBytes("b", new byte[] {1, 2, 3})));
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbBytes("B", new byte[] {1, 2, 3})));
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbBytes("b", new byte[] {1, 2})));
        // re-splitting the same bytes between label and payload does not collide
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbBytes("b\u0001", new byte[] {2, 3})));
        // the same 8 bytes as a long vs. as a field element vs. as raw bytes
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbLong("v", 7)));
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbField("v", 7)));
        seen.add(run(HashAlgorithm.SHA256, "d", t -> t.absorbBytes("v", new byte[] {7, 0, 0, 0, 0, 0, 0, 0})));
        seen.add(run(HashAlgorithm.SHA256, "d", t -> {
        }));
        assertEquals(12, seen.size());
    }

    @Test
    void consecutiveChallengesDifferAndAreProperExtensionElements() {
        Transcript t = new Transcript("d");
        Set<Ext2> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Ext2 c = t.challengeExt("same-label");
            assertTrue(seen.add(c));
            assertTrue(Goldilocks.isCanonical(c.c0()) && Goldilocks.isCanonical(c.c1()));
        }
        // a challenge lying in the base field would have c1 == 0: never among 1000 draws
        assertTrue(seen.stream().noneMatch(Ext2::isBase));
    }

    @Test
    void reductionOf16BytesIsModP() {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (0xA5 ^ (i * 29));
        }
        BigInteger x = BigInteger.ZERO;
        for (int i = 15; i >= 0; i--) {
            x = x.shiftLeft(8).or(BigInteger.valueOf(b[i] & 0xFF));
        }
        BigInteger p = new BigInteger(Long.toUnsignedString(Goldilocks.P));
        assertEquals(x.mod(p).longValue(), Transcript.reduce16(b, 0));
    }

    @Test
    void rejectsBadInput() {
        Transcript t = new Transcript("d");
        assertThrows(IllegalArgumentException.class, () -> t.absorbField("f", Goldilocks.P));
        assertThrows(IllegalArgumentException.class, () -> t.absorbRoot("r", new byte[31]));
        // a rejected message leaves the transcript untouched
        assertEquals(new Transcript("d"), t);
        assertNotEquals(new Transcript("e"), t);
    }
}
