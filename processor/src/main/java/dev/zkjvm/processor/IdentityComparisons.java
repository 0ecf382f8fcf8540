package dev.zkjvm.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks that need the types of expressions, which javac knows only after annotation processing:
 * once javac has attributed a class whose instruction bodies a machine with a circuit runs, this
 * listener reports in those bodies, and in the other methods of the machine's classes (helpers the
 * bodies may call),
 * <ul>
 *   <li>{@code ==} and {@code !=} on words: they compare Java objects, not machine values, so an
 *       honest run and the constraints derived from the symbolic run disagree;</li>
 *   <li>{@code equals}, {@code hashCode} and {@code toString} called on a word, and JDK methods
 *       that compare, hash, order or print a word given to them ({@code Objects.equals(x, y)}):
 *       Java values made from a machine value;</li>
 *   <li>{@code ==} and {@code !=} on registers: the circuit runs the body on register objects of
 *       its own, so identity differs between the machine and the circuit.</li>
 * </ul>
 */
final class IdentityComparisons implements TaskListener {
    private static final String WORD = "dev.zkjvm.runtime.Word";
    private static final String REGISTER = "dev.zkjvm.runtime.Reg";
    private static final Set<String> REVEALING_OBJECT_METHODS = Set.of("equals", "hashCode", "toString");
    /** JDK methods that compare, hash, order or print the objects given to them. */
    private static final Set<String> JDK_READERS = Set.of("equals", "deepEquals", "hash", "hashCode", "toString",
            "valueOf", "compare", "compareTo", "contains", "containsKey", "containsValue", "indexOf", "lastIndexOf",
            "remove", "max", "min", "sort", "binarySearch", "format", "formatted", "append", "print", "println");

    private final Trees trees;
    private final Types types;
    private final Elements elements;
    /** Bodies to check, by the top-level class whose attribution they wait for: method keys. */
    private final Map<String, Map<String, String>> pending = new HashMap<>();

    private IdentityComparisons(Trees trees, Types types, Elements elements) {
        this.trees = trees;
        this.types = types;
        this.elements = elements;
    }

    /** A listener registered with the compiler, or null when the compiler is not javac. */
    static IdentityComparisons register(ProcessingEnvironment env) {
        try {
            JavacTask task = JavacTask.instance(env);
            IdentityComparisons listener = new IdentityComparisons(Trees.instance(env), env.getTypeUtils(),
                    env.getElementUtils());
            task.addTaskListener(listener);
            return listener;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Checks, once attributed, the instruction bodies of {@code members}' machine and every other
     * method of its classes (helpers that bodies call), those whose source is compiled with it.
     */
    void watch(MachineMembers members) {
        for (TypeElement type : members.classes()) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                watch(method, "method " + method.getSimpleName() + " of " + type.getSimpleName());
            }
        }
        for (MachineMembers.InstructionMethod instruction : members.instructions()) {
            ExecutableElement method = instruction.implementation();
            watch(method, "@Instruction " + method.getSimpleName());
        }
    }

    private void watch(ExecutableElement method, String subject) {
        pending.computeIfAbsent(outermost(method).getQualifiedName().toString(), k -> new HashMap<>())
                .put(key(method), subject);
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
            return;
        }
        Map<String, String> methods = pending.remove(event.getTypeElement().getQualifiedName().toString());
        if (methods == null) {
            return;
        }
        CompilationUnitTree unit = event.getCompilationUnit();
        try {
            scanUnit(unit, methods);
        } catch (RuntimeException e) {
            // Like the processor itself, never let an exception escape into javac.
            trees.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(
                    event.getTypeElement().getQualifiedName(), e), unit, unit);
        }
    }

    private void scanUnit(CompilationUnitTree unit, Map<String, String> methods) {
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree node, Void unused) {
                Element element = trees.getElement(getCurrentPath());
                if (element instanceof ExecutableElement method && methods.containsKey(key(method))) {
                    new BodyVisitor(methods.get(key(method)), unit).scan(getCurrentPath(), null);
                }
                return super.visitMethod(node, unused);
            }
        }.scan(unit, null);
    }

    private final class BodyVisitor extends TreePathScanner<Void, Void> {
        /** What the messages name: {@code @Instruction add}, or {@code method helper of Calc}. */
        private final String name;
        private final CompilationUnitTree unit;

        BodyVisitor(String name, CompilationUnitTree unit) {
            this.name = name;
            this.unit = unit;
        }

        @Override
        public Void visitBinary(BinaryTree node, Void unused) {
            if (node.getKind() == Tree.Kind.EQUAL_TO || node.getKind() == Tree.Kind.NOT_EQUAL_TO) {
                TypeMirror left = typeOf(node.getLeftOperand());
                TypeMirror right = typeOf(node.getRightOperand());
                String operator = node.getKind() == Tree.Kind.EQUAL_TO ? "==" : "!=";
                if (isNull(left) || isNull(right)) {
                    // Comparing with null: neither a word nor a register is ever null in a body.
                    return super.visitBinary(node, unused);
                }
                if (is(left, WORD) || is(right, WORD)) {
                    error(node, Message.INSTRUCTION_WORD_IDENTITY, name, operator);
                } else if (is(left, REGISTER) || is(right, REGISTER)) {
                    error(node, Message.INSTRUCTION_REGISTER_IDENTITY, name, operator, node.getLeftOperand(),
                            node.getRightOperand());
                }
            }
            return super.visitBinary(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (node.getMethodSelect() instanceof MemberSelectTree select
                    && REVEALING_OBJECT_METHODS.contains(select.getIdentifier().toString())
                    && is(typeOf(select.getExpression()), WORD)) {
                error(node, Message.INSTRUCTION_WORD_TO_JAVA, name, select.getIdentifier() + "()");
            } else if (trees.getElement(new TreePath(getCurrentPath(), node.getMethodSelect()))
                    instanceof ExecutableElement called
                    && JDK_READERS.contains(called.getSimpleName().toString())
                    && called.getEnclosingElement() instanceof TypeElement owner
                    && owner.getQualifiedName().toString().startsWith("java.")
                    && node.getArguments().stream().anyMatch(a -> is(typeOf(a), WORD))) {
                error(node, Message.INSTRUCTION_WORD_TO_JAVA, name,
                        owner.getSimpleName() + "." + called.getSimpleName() + "()");
            }
            return super.visitMethodInvocation(node, unused);
        }

        private TypeMirror typeOf(Tree expression) {
            return trees.getTypeMirror(new TreePath(getCurrentPath(), expression));
        }

        private void error(Tree node, Message message, Object... args) {
            trees.printMessage(Diagnostic.Kind.ERROR, message.format(args), node, unit);
        }
    }

    private static boolean isNull(TypeMirror type) {
        return type != null && type.getKind() == TypeKind.NULL;
    }

    /** Whether {@code type} is {@code typeName} or a subtype (a type variable by its bound). */
    private boolean is(TypeMirror type, String typeName) {
        if (type == null || !(type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.TYPEVAR
                || type.getKind() == TypeKind.INTERSECTION)) {
            return false;
        }
        TypeElement target = elements.getTypeElement(typeName);
        return target != null && types.isSubtype(types.erasure(type), types.erasure(target.asType()));
    }

    private static TypeElement outermost(Element element) {
        Element e = element;
        while (e.getEnclosingElement() != null && e.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && e.getEnclosingElement().getKind() != ElementKind.MODULE) {
            e = e.getEnclosingElement();
        }
        return (TypeElement) e;
    }

    /** Names a method across processing rounds: declaring class, name and erased signature. */
    private String key(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method.getSimpleName()
                + types.erasure(method.asType());
    }
}
