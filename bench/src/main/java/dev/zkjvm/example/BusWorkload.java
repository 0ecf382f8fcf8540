package dev.zkjvm.example;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import java.util.SplittableRandom;

/**
 * A table system in the shape of offline memory checking, for the bus-checking benchmark:
 * <ul>
 *   <li>{@code access} (one row per memory access): receives the cell's previous
 *       {@code (addr, value, time)} and sends the new one on bus {@code memory}; the time gap
 *       {@code time - prevTime - 1} is split into two 16-bit limbs sent on bus {@code range16};</li>
 *   <li>{@code cells} (one row per touched address, padded): sends each cell's initial
 *       {@code (addr, 0, 0)} and receives its final state;</li>
 *   <li>{@code range16}: the preprocessed 0..65535 with multiplicities.</li>
 * </ul>
 * Each access row makes four interactions. Accesses pick random addresses among
 * {@code min(accesses/16, 2^14)} and write random 32-bit values.
 */
public final class BusWorkload {
    public final TableSystem system;
    public final Table access;
    public final Table cells;
    public final Table range;
    final Column addr;
    final Column prevValue;
    final Column prevTime;
    final Column value;
    final Column time;
    final Column gapLo;
    final Column gapHi;
    final Column cellAddr;
    final Column lastValue;
    final Column lastTime;
    final Column used;
    final Column rangeCount;

    /** Declares the system. */
    public BusWorkload() {
        ConstraintSystemBuilder a = ConstraintSystem.builder("access");
        addr = a.main("addr");
        prevValue = a.main("prevValue");
        prevTime = a.main("prevTime");
        value = a.main("value");
        time = a.main("time");
        gapLo = a.main("gapLo");
        gapHi = a.main("gapHi");
        a.everyRow("gap_limbs", time.cur().sub(prevTime.cur()).sub(1).sub(gapLo.cur())
                .sub(gapHi.cur().mul(1 << 16)));
        ConstraintSystemBuilder c = ConstraintSystem.builder("cells");
        cellAddr = c.main("addr");
        lastValue = c.main("lastValue");
        lastTime = c.main("lastTime");
        used = c.main("used");
        c.everyRow("used_is_bit", used.cur().mul(used.cur().sub(1)));
        ConstraintSystemBuilder r = ConstraintSystem.builder("range16");
        Column v = r.fixed("value", FixedValues.range(1 << 16));
        rangeCount = r.main("count");

        TableSystemBuilder b = TableSystem.builder("offline-memory");
        access = b.table(a.build());
        cells = b.table(c.build());
        range = b.table(r.build());
        Bus memory = b.bus("memory", "addr", "value", "time");
        Bus limbs = b.bus("range16", "value");
        Expr one = Expr.constant(1);
        b.receive("access.previous", memory, access, one, addr.cur(), prevValue.cur(), prevTime.cur());
        b.send("access.next", memory, access, one, addr.cur(), value.cur(), time.cur());
        b.send("access.gap_lo", limbs, access, one, gapLo.cur());
        b.send("access.gap_hi", limbs, access, one, gapHi.cur());
        b.send("cells.initial", memory, cells, used.cur(), cellAddr.cur(), Expr.constant(0), Expr.constant(0));
        b.receive("cells.final", memory, cells, used.cur(), cellAddr.cur(), lastValue.cur(), lastTime.cur());
        b.receive("range16.lookup", limbs, range, rangeCount.cur(), v.cur());
        system = b.build();
    }

    /** An honest trace of {@code accesses} accesses (a power of two, at most 2^28). */
    public SystemTrace trace(int accesses) {
        int words = Math.max(2, Math.min(accesses / 16, 1 << 14));
        SplittableRandom rnd = new SplittableRandom(accesses);
        long[] lastV = new long[words];
        long[] lastT = new long[words];
        long[][] acc = new long[7][accesses];
        long[] counts = new long[1 << 16];
        for (int i = 0; i < accesses; i++) {
            int w = rnd.nextInt(words);
            long t = i + 1;
            long gap = t - lastT[w] - 1;
            acc[0][i] = w;
            acc[1][i] = lastV[w];
            acc[2][i] = lastT[w];
            acc[3][i] = rnd.nextLong(1L << 32);
            acc[4][i] = t;
            acc[5][i] = gap & 0xFFFF;
            acc[6][i] = gap >>> 16;
            counts[(int) acc[5][i]]++;
            counts[(int) acc[6][i]]++;
            lastV[w] = acc[3][i];
            lastT[w] = t;
        }
        int cellRows = Integer.highestOneBit(2 * words - 1);
        long[][] cell = new long[4][cellRows];
        for (int w = 0; w < words; w++) {
            cell[0][w] = w;
            cell[1][w] = lastV[w];
            cell[2][w] = lastT[w];
            cell[3][w] = lastT[w] == 0 ? 0 : 1;
        }
        return SystemTrace.builder(system)
                .height(access, accesses).set(access, addr, acc[0]).set(access, prevValue, acc[1])
                .set(access, prevTime, acc[2]).set(access, value, acc[3]).set(access, time, acc[4])
                .set(access, gapLo, acc[5]).set(access, gapHi, acc[6])
                .height(cells, cellRows).set(cells, cellAddr, cell[0]).set(cells, lastValue, cell[1])
                .set(cells, lastTime, cell[2]).set(cells, used, cell[3])
                .height(range, 1 << 16).set(range, rangeCount, counts)
                .build();
    }
}
