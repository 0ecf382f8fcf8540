package dev.zkjvm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the machine a stack of {@link Machine#stackDepth()} words and hands it to instruction
 * bodies. At most one field per machine; its type must be {@code dev.zkjvm.runtime.WordStack<W>}
 * with {@code W} the machine's word type, and it must be neither static, final nor private.
 * A machine without a {@code @Stack} field has no stack section.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Stack {
}
