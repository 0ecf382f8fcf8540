package dev.zkjvm.processor.model;

/**
 * One operand of an instruction.
 *
 * @param name the parameter's name, also the record component's
 * @param kind how it is typed and encoded
 */
public record OperandModel(String name, OperandKind kind) {
}
