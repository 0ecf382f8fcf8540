package dev.zkjvm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a register. The field must have type {@code dev.zkjvm.runtime.Reg}, must be
 * neither static, final nor private; the generated machine assigns it before running anything.
 * Registers are numbered in declaration order from 0, and register {@code i} is cell {@code i}
 * of the register section.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Register {
    /** Name used in assembly text and reports; empty means the field's name. Names are unique. */
    String value() default "";
}
