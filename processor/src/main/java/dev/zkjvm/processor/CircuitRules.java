package dev.zkjvm.processor;

import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.processor.model.WordTypes;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The rules a valid machine must also follow when it gets a circuit (that is, when
 * {@code zkjvm-machine-circuit} is on the class path), because the circuit derives each
 * instruction's constraints by running its body once per program line on symbolic words, on a
 * fresh instance of the machine class:
 * <ul>
 *   <li>operands are words or registers: a Java {@code int} or {@code long} operand would be used
 *       as a Java value, which no constraint ties to the program;</li>
 *   <li>every field that is not a {@code @Register} or {@code @Stack} is {@code final}: the machine
 *       keeps one instance across steps, so a mutable field carries state the circuit never sees;</li>
 *   <li>bodies hand no machine value to Java, swallow no exception and compare no words or
 *       registers by identity ({@link BodyScanner}, {@link IdentityComparisons}).</li>
 * </ul>
 */
final class CircuitRules {
    private final Types types;
    private final Reporter reporter;
    private final BodyScanner scanner;
    private final IdentityComparisons comparisons;

    CircuitRules(ProcessingEnvironment env, Reporter reporter, IdentityComparisons comparisons) {
        this.types = env.getTypeUtils();
        this.reporter = reporter;
        this.scanner = BodyScanner.of(env, reporter);
        this.comparisons = comparisons;
    }

    /** Reports every rule that {@code members}' machine, already valid, breaks. */
    void check(MachineMembers members, int wordSize) {
        checkOperands(members, wordSize);
        checkFields(members);
        if (scanner != null) {
            scanner.scan(members);
        }
        if (comparisons != null) {
            comparisons.watch(members);
        }
    }

    private void checkOperands(MachineMembers members, int wordSize) {
        for (MachineMembers.InstructionMethod instruction : members.instructions()) {
            ExecutableElement method = instruction.implementation();
            ExecutableType resolved = (ExecutableType) types.asMemberOf((DeclaredType) members.machine().asType(),
                    method);
            for (int i = 0; i < method.getParameters().size(); i++) {
                TypeMirror type = resolved.getParameterTypes().get(i);
                if (type.getKind() == TypeKind.INT || type.getKind() == TypeKind.LONG) {
                    VariableElement p = method.getParameters().get(i);
                    reporter.error(p, Message.INSTRUCTION_OPERAND_NOT_CONSTRAINABLE, p.getSimpleName(),
                            method.getSimpleName(), type, WordTypes.simpleName(wordSize),
                            p.getSimpleName());
                }
            }
        }
    }

    private void checkFields(MachineMembers members) {
        for (VariableElement field : members.fields()) {
            boolean machineState = field.getAnnotation(Register.class) != null
                    || field.getAnnotation(Stack.class) != null;
            if (!machineState && !field.getModifiers().contains(Modifier.FINAL)) {
                reporter.error(field, Message.MACHINE_MUTABLE_FIELD, field.getSimpleName(),
                        field.getEnclosingElement().getSimpleName());
            }
        }
    }
}
