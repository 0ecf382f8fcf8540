package dev.zkjvm.processor;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.zkjvm.annotations.Instruction;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Finds, in the source of each {@code @Instruction} body, the calls that hand a machine value to
 * Java ({@code isZero()}, {@code longValue()}, ...): a body that branches or loops on them cannot
 * be turned into circuit constraints. Annotation processing runs before types are attributed, so
 * calls are matched by name; calls hidden in helper methods are caught later, when the circuit
 * runs the body symbolically.
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

    /** Reports every revealing call in the instruction bodies of {@code machine}. */
    void scan(TypeElement machine) {
        for (Element member : machine.getEnclosedElements()) {
            if (member.getKind() != ElementKind.METHOD || member.getAnnotation(Instruction.class) == null) {
                continue;
            }
            TreePath path = trees.getPath(member);
            if (path == null) {
                continue;
            }
            String name = member.getSimpleName().toString();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                    if (node.getMethodSelect() instanceof MemberSelectTree select
                            && REVEALING.contains(select.getIdentifier().toString())) {
                        reporter.errorAt(trees, node, path.getCompilationUnit(), Message.INSTRUCTION_UNCONSTRAINABLE,
                                name, select.getIdentifier());
                    }
                    return super.visitMethodInvocation(node, unused);
                }
            }.scan(path, null);
        }
    }
}
