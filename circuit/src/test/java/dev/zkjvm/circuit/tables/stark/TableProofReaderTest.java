package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.stark.InvalidProofException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The reader of the table proof format refuses claimed openings that its bytes cannot hold before
 * it allocates them: a few hundred kilobytes of crafted proof must not cost the reader more than a
 * few megabytes (an earlier reader of version 3 allocated 973 MiB for 203 KB of empty rows).
 */
class TableProofReaderTest {
    private static final int PADDING = 200_000;

    /** A proof of no tables up to its openings: roots, an empty FRI proof. */
    private static DataOutputStream header(ByteArrayOutputStream bytes, int phases) throws IOException {
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(TableProof.VERSION);
        out.writeByte(0);
        out.writeInt(0);
        out.write(new byte[32]);
        out.writeByte(0);
        out.write(new byte[32]);
        out.write(new byte[32]);
        out.writeByte(1); // FRI: version, log domain, folding factor, no layers
        out.writeByte(0);
        out.writeByte(2);
        out.writeByte(1);
        out.writeShort(0);
        out.writeLong(0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeByte(phases);
        return out;
    }

    private static void assertRefusedCheaply(byte[] proof, String reason) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> TableProof.fromBytes(proof));
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes reading " + proof.length);
    }

    @Test
    void aPhaseOfNoMatricesIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes, 1);
        out.writeInt(PADDING);
        out.writeInt(0);
        out.write(new byte[PADDING]);
        assertRefusedCheaply(bytes.toByteArray(), "no matrices");
    }

    @Test
    void morePhasesThanTreesAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes, 255);
        out.write(new byte[PADDING]);
        assertRefusedCheaply(bytes.toByteArray(), "255 phases");
    }

    @Test
    void rowsBeyondTheBytesLeftAreRefusedBeforeTheyAreMade() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes, 1);
        out.writeInt(1 << 20);
        out.writeInt(2);
        out.writeInt(1);
        out.writeInt(1);
        out.write(new byte[PADDING]);
        assertRefusedCheaply(bytes.toByteArray(), "opened rows of 2 values");
    }
}
