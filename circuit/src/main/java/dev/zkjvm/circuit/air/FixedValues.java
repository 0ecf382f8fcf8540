package dev.zkjvm.circuit.air;

import java.util.Arrays;

/**
 * How the values of a {@link Phase#FIXED} column are produced from the row count alone. These are
 * data, so a prover and a verifier can regenerate (or preprocess) them.
 */
public sealed interface FixedValues permits FixedValues.Range, FixedValues.FirstRow, FixedValues.LastRow,
        FixedValues.Values {

    /** The column's values for a table of {@code rows} rows. */
    long[] generate(int rows);

    /** The smallest row count that holds these values. */
    int minRows();

    /** A one-line description, part of the constraint system's digest. */
    String describe();

    /** Row i holds {@code min(i, size - 1)}: all of 0..size-1, padded by repeating size-1. */
    static FixedValues range(int size) {
        return new Range(size);
    }

    /** 1 on row 0, 0 elsewhere. */
    static FixedValues firstRow() {
        return new FirstRow();
    }

    /** 1 on the last row, 0 elsewhere. */
    static FixedValues lastRow() {
        return new LastRow();
    }

    /** The given canonical values, padded by repeating the last one. */
    static FixedValues values(long... values) {
        return new Values(values.clone());
    }

    /**
     * The range table {@code 0, 1, ..., size-1, size-1, ...}.
     *
     * @param size number of distinct values, at least 1
     */
    record Range(int size) implements FixedValues {
        /** Validates the size. */
        public Range {
            if (size < 1) {
                throw new IllegalArgumentException("range size must be positive: " + size);
            }
        }

        @Override
        public long[] generate(int rows) {
            long[] v = new long[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = Math.min(i, size - 1);
            }
            return v;
        }

        @Override
        public int minRows() {
            return size;
        }

        @Override
        public String describe() {
            return "range 0.." + (size - 1);
        }
    }

    /** The first-row selector. */
    record FirstRow() implements FixedValues {
        @Override
        public long[] generate(int rows) {
            long[] v = new long[rows];
            v[0] = 1;
            return v;
        }

        @Override
        public int minRows() {
            return 1;
        }

        @Override
        public String describe() {
            return "first-row selector";
        }
    }

    /** The last-row selector. */
    record LastRow() implements FixedValues {
        @Override
        public long[] generate(int rows) {
            long[] v = new long[rows];
            v[rows - 1] = 1;
            return v;
        }

        @Override
        public int minRows() {
            return 1;
        }

        @Override
        public String describe() {
            return "last-row selector";
        }
    }

    /**
     * Explicit values, padded by repeating the last one.
     *
     * @param values canonical field elements, at least one
     */
    record Values(long[] values) implements FixedValues {
        /** Validates the values. */
        public Values {
            if (values.length == 0) {
                throw new IllegalArgumentException("a fixed column needs at least one value");
            }
            for (long v : values) {
                if (!dev.zkjvm.circuit.field.Goldilocks.isCanonical(v)) {
                    throw new IllegalArgumentException("value not canonical: " + Long.toUnsignedString(v));
                }
            }
        }

        @Override
        public long[] generate(int rows) {
            long[] v = Arrays.copyOf(values, rows);
            Arrays.fill(v, values.length, rows, values[values.length - 1]);
            return v;
        }

        @Override
        public int minRows() {
            return values.length;
        }

        @Override
        public String describe() {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * values.length)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (long v : values) {
                    buf.putLong(v);
                }
                return values.length + " values, sha256 " + java.util.HexFormat.of().formatHex(md.digest(buf.array()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Values v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Values" + Arrays.toString(values);
        }
    }
}
