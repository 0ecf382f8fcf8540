package dev.zkjvm.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Everything the generators need to know about one {@code @Machine} class, validated.
 *
 * @param element       the annotated class (the originating element of every generated file)
 * @param packageName   its package
 * @param definition    its name relative to the package, e.g. {@code Outer.Calc}
 * @param prefix        prefix of every generated type name
 * @param wordSize      4, 8 or 32
 * @param stackDepth    declared stack depth
 * @param headLayout    whether stack and registers sit before memory
 * @param bufferCells   cells per buffer zone
 * @param memoryCells   cells of memory
 * @param maxSteps      default step limit of a run
 * @param registers     registers in declaration order
 * @param stackField    the {@code @Stack} field's name, if any
 * @param instructions  instructions in opcode order
 */
public record MachineModel(TypeElement element, String packageName, String definition, String prefix,
                           int wordSize, int stackDepth, boolean headLayout, int bufferCells, long memoryCells,
                           long maxSteps, List<RegisterModel> registers, Optional<String> stackField,
                           List<InstructionModel> instructions) {
    /** Stack section size: the declared depth if the machine has a stack, else 0. */
    public long stackCells() {
        return stackField.isPresent() ? stackDepth : 0;
    }
}
