package dev.zkjvm.processor.model;

/**
 * One {@code @Register} field.
 *
 * @param fieldName    the field's name
 * @param name         the register's name in assembly text and reports
 * @param index        its index, in declaration order
 * @param constantName the name of its constant in the generated machine
 */
public record RegisterModel(String fieldName, String name, int index, String constantName) {
}
