package dev.zkjvm.processor;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Finds, in the source of each instruction body (inherited ones too, when their source is
 * compiled with the machine), the constructs whose effect the circuit cannot see:
 * <ul>
 *   <li>calls that hand a machine value to Java ({@code isZero()}, {@code longValue()}, ...): a
 *       body that branches or loops on them cannot be turned into constraints;</li>
 *   <li>{@code try} statements: a {@code catch} or {@code finally} could swallow the error by which
 *       the circuit refuses a body it cannot constrain;</li>
 *   <li>{@code synchronized} blocks and methods;</li>
 *   <li>writes into arrays or objects that are not the body's own locals: state that outlives the
 *       step outside registers, stack and memory.</li>
 * </ul>
 * Annotation processing runs before types are attributed, so calls are matched by name; the
 * checks that need types ({@code ==} on words) are {@link IdentityComparisons}', after attribution.
 */
final class BodyScanner {
    /** Methods of {@code Word} and {@code WordStack} whose answer is a Java value. */
    static final Set<String> REVEALING = Set.of("isZero", "longValue", "limb", "toBigInteger", "toBytes",
            "compareTo", "depth");

    private final Trees trees;
    private final Reporter reporter;

    private BodyScanner(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /** A scanner, or null when the compiler offers no source trees (not javac). */
    static BodyScanner of(ProcessingEnvironment env, Reporter reporter) {
        try {
            return new BodyScanner(Trees.instance(env), reporter);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reports every construct above in the instruction bodies of {@code members}' machine. */
    void scan(MachineMembers members) {
        for (MachineMembers.InstructionMethod instruction : members.instructions()) {
            ExecutableElement method = instruction.implementation();
            TreePath path = trees.getPath(method);
            if (path == null) {
                continue;
            }
            String name = method.getSimpleName().toString();
            if (method.getModifiers().contains(Modifier.SYNCHRONIZED)) {
                reporter.error(method, Message.INSTRUCTION_SYNCHRONIZED, name);
            }
            new Visitor(name, path.getCompilationUnit()).scan(path, null);
        }
    }

    private final class Visitor extends TreePathScanner<Void, Void> {
        private final String name;
        private final CompilationUnitTree unit;
        /** Parameters and locals declared so far (by name: types are not attributed yet). */
        private final Set<String> locals = new HashSet<>();

        Visitor(String name, CompilationUnitTree unit) {
            this.name = name;
            this.unit = unit;
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            locals.add(node.getName().toString());
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (node.getMethodSelect() instanceof MemberSelectTree select
                    && REVEALING.contains(select.getIdentifier().toString())) {
                reporter.errorAt(trees, node, unit, Message.INSTRUCTION_UNCONSTRAINABLE, name, select.getIdentifier());
            }
            return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitTry(TryTree node, Void unused) {
            reporter.errorAt(trees, node, unit, Message.INSTRUCTION_TRY, name);
            return super.visitTry(node, unused);
        }

        @Override
        public Void visitSynchronized(SynchronizedTree node, Void unused) {
            reporter.errorAt(trees, node, unit, Message.INSTRUCTION_SYNCHRONIZED, name);
            return super.visitSynchronized(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
            checkTarget(node, node.getVariable());
            return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
            checkTarget(node, node.getVariable());
            return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitUnary(UnaryTree node, Void unused) {
            switch (node.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                        checkTarget(node, node.getExpression());
                default -> {
                }
            }
            return super.visitUnary(node, unused);
        }

        /**
         * A write into an element or a field of something other than a local. A plain name is
         * a local, or a field that is final (javac refuses the write) or already reported as a
         * mutable field of the machine.
         */
        private void checkTarget(Tree node, ExpressionTree target) {
            if (target instanceof IdentifierTree) {
                return;
            }
            ExpressionTree root = target;
            while (true) {
                if (root instanceof ArrayAccessTree a) {
                    root = a.getExpression();
                } else if (root instanceof MemberSelectTree m) {
                    root = m.getExpression();
                } else if (root instanceof ParenthesizedTree p) {
                    root = p.getExpression();
                } else {
                    break;
                }
            }
            boolean local = root instanceof IdentifierTree id && locals.contains(id.getName().toString());
            if (!local) {
                reporter.errorAt(trees, node, unit, Message.INSTRUCTION_WRITES_STATE, name, target);
            }
        }
    }
}
