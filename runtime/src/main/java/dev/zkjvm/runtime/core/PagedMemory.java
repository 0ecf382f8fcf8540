package dev.zkjvm.runtime.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Cell values on pages of primitive limbs, allocated on first write. A cell never written
 * reads as zero: the VM's rule, which the memory-consistency circuit follows too (the first
 * access to a cell may be a read of zero).
 *
 * <p>Small address spaces use a flat page directory; large ones (more than 2^22 pages) a hash
 * map of pages behind a one-page cache.
 */
public final class PagedMemory {
    private static final int PAGE_BITS = 12;
    private static final int PAGE_CELLS = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_CELLS - 1;
    private static final long FLAT_LIMIT = 1L << 22;

    private final int limbs;
    private final long[][] flat;
    private final Map<Long, long[]> sparse;
    private long cachedPage = -1;
    private long[] cached;

    /** Memory for {@code totalCells} cells of {@code limbs} limbs each. */
    public PagedMemory(long totalCells, int limbs) {
        this.limbs = limbs;
        long pages = (totalCells + PAGE_CELLS - 1) >>> PAGE_BITS;
        if (pages <= FLAT_LIMIT) {
            flat = new long[(int) pages][];
            sparse = null;
        } else {
            flat = null;
            sparse = new HashMap<>();
        }
    }

    /** Limb 0 of a cell (the whole value for 32- and 64-bit words). */
    public long get(long cell) {
        long[] page = page(cell >>> PAGE_BITS, false);
        return page == null ? 0 : page[(int) (cell & PAGE_MASK) * limbs];
    }

    /** Copies a cell's limbs into {@code dst} at {@code offset}. */
    public void get(long cell, long[] dst, int offset) {
        long[] page = page(cell >>> PAGE_BITS, false);
        if (page == null) {
            for (int i = 0; i < limbs; i++) {
                dst[offset + i] = 0;
            }
        } else {
            System.arraycopy(page, (int) (cell & PAGE_MASK) * limbs, dst, offset, limbs);
        }
    }

    /** Sets limb 0 of a single-limb cell and returns what it held (one page lookup for both). */
    public long exchange(long cell, long value) {
        long[] page = page(cell >>> PAGE_BITS, true);
        int i = (int) (cell & PAGE_MASK) * limbs;
        long old = page[i];
        page[i] = value;
        return old;
    }

    /** Sets limb 0 of a single-limb cell. */
    public void set(long cell, long value) {
        page(cell >>> PAGE_BITS, true)[(int) (cell & PAGE_MASK) * limbs] = value;
    }

    /** Sets a cell's limbs from {@code src} at {@code offset}. */
    public void set(long cell, long[] src, int offset) {
        System.arraycopy(src, offset, page(cell >>> PAGE_BITS, true), (int) (cell & PAGE_MASK) * limbs, limbs);
    }

    private long[] page(long pageNo, boolean create) {
        if (pageNo == cachedPage) {
            return cached;
        }
        long[] page;
        if (flat != null) {
            page = flat[(int) pageNo];
            if (page == null && create) {
                page = new long[PAGE_CELLS * limbs];
                flat[(int) pageNo] = page;
            }
        } else {
            page = sparse.get(pageNo);
            if (page == null && create) {
                page = new long[PAGE_CELLS * limbs];
                sparse.put(pageNo, page);
            }
        }
        if (page != null) {
            cachedPage = pageNo;
            cached = page;
        }
        return page;
    }
}
