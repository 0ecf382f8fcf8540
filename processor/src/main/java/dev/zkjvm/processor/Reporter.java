package dev.zkjvm.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Reports errors on the element at fault and, when one is named, on the annotation attribute
 * at fault, so that IDEs underline the exact value.
 */
final class Reporter {
    private final Messager messager;
    private int errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on {@code element}. */
    void error(Element element, Message message, Object... args) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
    }

    /**
     * An error on the value of {@code attribute} of the annotation {@code annotationName} on
     * {@code element}; on the element alone if the annotation or attribute is not written out.
     */
    void errorOnAttribute(Element element, String annotationName, String attribute, Message message,
                          Object... args) {
        errors++;
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().toString().equals(annotationName)) {
                continue;
            }
            for (var entry : mirror.getElementValues().entrySet()) {
                ExecutableElement key = entry.getKey();
                AnnotationValue value = entry.getValue();
                if (key.getSimpleName().contentEquals(attribute)) {
                    messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, mirror, value);
                    return;
                }
            }
            messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, mirror);
            return;
        }
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
    }

    /** An error at {@code tree}, a node inside a method body, for diagnostics finer than an element. */
    void errorAt(com.sun.source.util.Trees trees, com.sun.source.tree.Tree tree,
                 com.sun.source.tree.CompilationUnitTree unit, Message message, Object... args) {
        errors++;
        trees.printMessage(Diagnostic.Kind.ERROR, message.format(args), tree, unit);
    }

    /** Number of errors reported so far. */
    int errorCount() {
        return errors;
    }
}
