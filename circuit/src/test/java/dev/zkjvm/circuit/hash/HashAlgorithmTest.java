package dev.zkjvm.circuit.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashAlgorithmTest {
    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void knownAnswers() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                hex(HashAlgorithm.SHA256.hash(abc)));
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                hex(HashAlgorithm.KECCAK256.hash(new byte[0])));
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
                hex(HashAlgorithm.BLAKE3.hash(new byte[0])));
    }

    @Test
    void streamingEqualsOneShotAndResets() {
        for (HashAlgorithm a : HashAlgorithm.values()) {
            Hasher h = a.newHasher();
            byte[] data = "hello, transcript".getBytes(StandardCharsets.UTF_8);
            h.update(data, 0, 5);
            h.update(data, 5, data.length - 5);
            assertEquals(hex(a.hash(data)), hex(h.digest()), a.name());
            h.update(data);
            assertEquals(hex(a.hash(data)), hex(h.digest()), a + " after reset");
        }
    }
}
