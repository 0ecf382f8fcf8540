package dev.zkjvm.circuit.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The provable level against values worked out by hand (a calculator on the formulas of
 * {@link StarkConfig}'s class comment), for 300 constraints, 2 chunks and 150 combined columns.
 */
class ProvableSecurityTest {
    private static final double EPS = 1e-6;

    private static ProvableSecurity.Instance instance(StarkConfig config, int logRows) {
        return ProvableSecurity.Instance.of(config, logRows, 2, 300, 150);
    }

    @Test
    void theFieldHasJustUnder128Bits() {
        assertEquals(127.99999999933, ProvableSecurity.FIELD_BITS, 1e-9);
    }

    @Test
    void theDefaultIsAbout57ProvableBitsAt2To20Rows() {
        ProvableSecurity.Instance x = instance(StarkConfig.DEFAULT, 20);
        // unique decoding: the queries bind, 20 + 40·(-log2((1 + (2^20 + 2)/2^22)/2))
        assertEquals(47.12285419, ProvableSecurity.uniqueDecoding(x), EPS);
        // Johnson bound at m = 3: the queries bind, 20 - 40·log2(√ρ⁺·(1 + 1/6))
        assertEquals(51.10424811, ProvableSecurity.listDecoding(x, 3), EPS);
        // the best m is 10, where the queries give 57.184 and the fold 57.254
        assertEquals(57.18437185, ProvableSecurity.listDecoding(x), EPS);
        assertEquals(57, ProvableSecurity.bits(x));
        assertEquals("Johnson bound", ProvableSecurity.regime(x));
        assertEquals(57, StarkConfig.DEFAULT.provableSecurityBits(20, 2, 300, 150));
        assertEquals(100, StarkConfig.DEFAULT.securityBits(20, 2, 300));
    }

    @Test
    void theProvablePresetReaches100BitsUpTo2To22Rows() {
        for (int logRows = 16; logRows <= VerifyingKey.MAX_LOG_ROWS; logRows++) {
            ProvableSecurity.Instance x = instance(StarkConfig.PROVABLE_100, logRows);
            assertTrue(ProvableSecurity.bits(x) >= 100, logRows + ": " + ProvableSecurity.uniqueDecoding(x));
            assertEquals("unique decoding", ProvableSecurity.regime(x));
        }
        // 20 + 97·(-log2((1 + (2^22 + 2)/2^25)/2)); the Johnson bound gives only 60.85 (m = 3)
        ProvableSecurity.Instance x = instance(StarkConfig.PROVABLE_100, 22);
        assertEquals(100.51726745, ProvableSecurity.uniqueDecoding(x), EPS);
        assertEquals(60.84851658, ProvableSecurity.listDecoding(x), EPS);
    }

    @Test
    void withEnoughQueriesTheFieldBinds() {
        // 100 queries: the queries give 103.01 but a fold of 4 over 2^25 points only 128 - log2(3·2^25)
        StarkConfig config = new StarkConfig(new dev.zkjvm.circuit.fri.FriParameters(8, 4, 100, 20, 7),
                dev.zkjvm.circuit.hash.HashAlgorithm.SHA256);
        assertEquals(101.41503750, ProvableSecurity.uniqueDecoding(instance(config, 22)), EPS);
        // at 2^16 rows and 96 queries the Johnson bound's fold term binds at m = 3: 72.849
        StarkConfig fewer = new StarkConfig(new dev.zkjvm.circuit.fri.FriParameters(8, 4, 96, 20, 7),
                dev.zkjvm.circuit.hash.HashAlgorithm.SHA256);
        assertEquals(72.84858159, ProvableSecurity.listDecoding(instance(fewer, 16)), EPS);
        assertEquals(99.68673024, ProvableSecurity.uniqueDecoding(instance(fewer, 16)), EPS);
        assertEquals(99, ProvableSecurity.bits(instance(fewer, 16)));
    }
}
