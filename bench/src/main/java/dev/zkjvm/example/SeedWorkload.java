package dev.zkjvm.example;

import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U256;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A straight-line program for {@link SeedMachine} in the style of the seed library's examples:
 * every instruction kind, aligned and (one in eight) unaligned memory addresses, a stack that
 * never over- or underflows. Deterministic for a given seed.
 */
final class SeedWorkload {
    private SeedWorkload() {
    }

    static SeedProgram program(int instructions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Reg> regs = SeedMachine.REGISTERS;
        long base = SeedMachine.LAYOUT.memoryBase();
        long cells = SeedMachine.LAYOUT.memoryCells();
        SeedProgram.Builder b = SeedProgram.builder();
        int depth = 0;
        for (int n = 0; n < instructions; n++) {
            long cell = random.nextLong(cells - 1);
            long address = base + cell * 32 + (random.nextInt(8) == 0 ? 1 + random.nextInt(31) : 0);
            Reg r = regs.get(random.nextInt(regs.size()));
            Reg s = regs.get(random.nextInt(regs.size()));
            switch (random.nextInt(9)) {
                case 0 -> b.read(address);
                case 1 -> b.write(address, random.nextLong());
                case 2 -> {
                    if (depth < 48) {
                        b.push(random.nextLong());
                        depth++;
                    } else {
                        b.pop(r);
                        depth--;
                    }
                }
                case 3 -> {
                    if (depth > 0) {
                        b.pop(r);
                        depth--;
                    } else {
                        b.push(random.nextLong());
                        depth++;
                    }
                }
                case 4 -> b.mov(r, s);
                case 5 -> {
                    if (depth > 0) {
                        b.swap(r);
                    } else {
                        b.add(r, s);
                    }
                }
                case 6 -> b.load(r, U256.of(address));
                case 7 -> b.save(U256.of(address), r);
                default -> b.add(r, s);
            }
        }
        return b.build();
    }
}
