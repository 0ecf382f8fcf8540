package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.field.Ext2;

/**
 * The DEEP composition's constants from the claimed out-of-domain values: {@code A_all(z)} and
 * {@code A_sys(z·ω)} (see {@link DeepComposition}).
 */
record OodSums(Ext2 allAtZ, Ext2 sysAtZw) {
    /** @param w the DEEP weights as two coordinate arrays (system columns, then composition columns) */
    static OodSums of(long[] ood, int systemColumns, int compositionColumns, long[][] w) {
        Ext2 all = Ext2.ZERO;
        Ext2 sys = Ext2.ZERO;
        for (int j = 0; j < systemColumns; j++) {
            Ext2 weight = new Ext2(w[0][j], w[1][j]);
            all = all.add(weight.mul(new Ext2(ood[4 * j], ood[4 * j + 1])));
            sys = sys.add(weight.mul(new Ext2(ood[4 * j + 2], ood[4 * j + 3])));
        }
        int base = 4 * systemColumns;
        for (int c = 0; c < compositionColumns; c++) {
            Ext2 weight = new Ext2(w[0][systemColumns + c], w[1][systemColumns + c]);
            all = all.add(weight.mul(new Ext2(ood[base + 2 * c], ood[base + 2 * c + 1])));
        }
        return new OodSums(all, sys);
    }
}
