package dev.zkjvm.processor;

import dev.zkjvm.annotations.Instruction;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The members that make up a machine: those of the {@code @Machine} class and those it inherits
 * from its superclasses, so that one instruction set (say {@code AluIsa<W extends Word<W>>})
 * serves machines of several word sizes. Classes are visited from the root-most superclass down
 * to the machine, each in declaration order, so an inherited instruction keeps its place (and
 * its opcode) in every machine that extends it.
 */
final class MachineMembers {
    /**
     * One instruction method as the machine sees it.
     *
     * @param first          the root-most declaration annotated {@code @Instruction}: its place orders opcodes
     * @param annotated      the most-derived declaration annotated {@code @Instruction}: its attributes apply
     * @param implementation the most-derived declaration, annotated or not: the body that runs
     */
    record InstructionMethod(ExecutableElement first, ExecutableElement annotated, ExecutableElement implementation) {
    }

    private final TypeElement machine;
    private final List<TypeElement> classes;
    private final List<VariableElement> fields;
    private final List<InstructionMethod> instructions;

    private MachineMembers(TypeElement machine, List<TypeElement> classes, List<VariableElement> fields,
                           List<InstructionMethod> instructions) {
        this.machine = machine;
        this.classes = classes;
        this.fields = fields;
        this.instructions = instructions;
    }

    /** The members of {@code machine} and its superclasses ({@code Object} excluded). */
    static MachineMembers of(TypeElement machine, Elements elements) {
        List<TypeElement> classes = new ArrayList<>();
        for (TypeElement t = machine; t != null; t = superclass(t)) {
            if (t.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            classes.add(0, t);
        }
        List<VariableElement> fields = new ArrayList<>();
        List<InstructionMethod> instructions = new ArrayList<>();
        for (TypeElement type : classes) {
            fields.addAll(ElementFilter.fieldsIn(type.getEnclosedElements()));
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                boolean annotated = method.getAnnotation(Instruction.class) != null;
                int overridden = overriddenIndex(instructions, method, machine, elements);
                if (overridden >= 0) {
                    InstructionMethod before = instructions.get(overridden);
                    instructions.set(overridden, new InstructionMethod(before.first(),
                            annotated ? method : before.annotated(), method));
                } else if (annotated) {
                    instructions.add(new InstructionMethod(method, method, method));
                }
            }
        }
        return new MachineMembers(machine, List.copyOf(classes), List.copyOf(fields), List.copyOf(instructions));
    }

    private static int overriddenIndex(List<InstructionMethod> instructions, ExecutableElement method,
                                       TypeElement machine, Elements elements) {
        for (int i = 0; i < instructions.size(); i++) {
            if (elements.overrides(method, instructions.get(i).implementation(), machine)) {
                return i;
            }
        }
        return -1;
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror parent = type.getSuperclass();
        return parent.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) parent).asElement() : null;
    }

    /** The {@code @Machine} class. */
    TypeElement machine() {
        return machine;
    }

    /** The machine's class and its superclasses, root-most first. */
    List<TypeElement> classes() {
        return classes;
    }

    /** Every field of those classes, root-most class first, each class in declaration order. */
    List<VariableElement> fields() {
        return fields;
    }

    /** Every instruction method, in the order that assigns opcodes. */
    List<InstructionMethod> instructions() {
        return instructions;
    }

    /** Whether {@code member} is declared in a superclass rather than in the machine itself. */
    boolean inherited(Element member) {
        return !member.getEnclosingElement().equals(machine);
    }

    /** The type of {@code field} as a member of the machine: type variables bound to the machine's arguments. */
    TypeMirror typeOf(VariableElement field, Types types) {
        return types.asMemberOf((DeclaredType) machine.asType(), field);
    }

    /**
     * Whether the generated code, which lives in the machine's package, cannot reach
     * {@code member}: it is declared in another package and it or its class is not public.
     */
    boolean unreachable(Element member, Elements elements) {
        Element owner = member.getEnclosingElement();
        if (elements.getPackageOf(owner).equals(elements.getPackageOf(machine))) {
            return false;
        }
        return !member.getModifiers().contains(Modifier.PUBLIC) || !owner.getModifiers().contains(Modifier.PUBLIC)
                || owner.getKind() != ElementKind.CLASS;
    }
}
