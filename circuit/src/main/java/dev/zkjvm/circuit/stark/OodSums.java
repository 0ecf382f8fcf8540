package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.field.Ext2;

/**
 * The DEEP composition's constants from the claimed out-of-domain values: {@code A_all(z)} and
 * {@code A_sys(z·ω)} (see {@link DeepComposition}).
 */
record OodSums(Ext2 allAtZ, Ext2 sysAtZw) {
    static OodSums of(long[] ood, int systemColumns, int compositionColumns, Ext2 gamma) {
        Ext2 all = Ext2.ZERO;
        Ext2 sys = Ext2.ZERO;
        Ext2 p = Ext2.ONE;
        for (int j = 0; j < systemColumns; j++) {
            all = all.add(p.mul(new Ext2(ood[4 * j], ood[4 * j + 1])));
            sys = sys.add(p.mul(new Ext2(ood[4 * j + 2], ood[4 * j + 3])));
            p = p.mul(gamma);
        }
        int base = 4 * systemColumns;
        for (int c = 0; c < compositionColumns; c++) {
            all = all.add(p.mul(new Ext2(ood[base + 2 * c], ood[base + 2 * c + 1])));
            p = p.mul(gamma);
        }
        return new OodSums(all, sys);
    }
}
