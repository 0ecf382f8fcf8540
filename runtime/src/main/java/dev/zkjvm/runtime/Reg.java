package dev.zkjvm.runtime;

import java.util.Objects;

/**
 * A register: a named, fixed cell of the register section. Register {@code index} lives at
 * cell {@code index} of that section. The generated machine creates one per {@code @Register}
 * field, numbered in declaration order, and assigns it to the field.
 *
 * @param index position in declaration order, from 0
 * @param name  name in assembly text and reports
 */
public record Reg(int index, String name) {
    /** Checks the components. */
    public Reg {
        if (index < 0) {
            throw new IllegalArgumentException("register index must be >= 0, not " + index);
        }
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
