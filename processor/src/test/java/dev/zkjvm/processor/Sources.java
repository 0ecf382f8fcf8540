package dev.zkjvm.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import javax.tools.JavaFileObject;

/**
 * Test sources with a known line layout, and compiling them with the processor.
 *
 * <p>{@link #machine} lays a source out as:
 * <pre>
 * 1  package test;
 * 2  import dev.zkjvm.annotations.*;
 * 3  import dev.zkjvm.runtime.*;
 * 4
 * 5  &#64;Machine(...)                 ANNOTATION_LINE
 * 6  public class Calc {             CLASS_LINE
 * 7  first member                    memberLine(0)
 * 8  second member                   memberLine(1)
 * ...
 *    }
 * </pre>
 */
final class Sources {
    static final int ANNOTATION_LINE = 5;
    static final int CLASS_LINE = 6;
    /** A member that makes a machine valid that otherwise has no instruction. */
    static final String NOP = "@Instruction void nop() {}";

    private Sources() {
    }

    /** The line of the {@code index}-th member (from 0) of a {@link #machine} source. */
    static int memberLine(int index) {
        return CLASS_LINE + 1 + index;
    }

    /** A source file {@code qualifiedName} made of {@code lines}; line {@code i + 1} is {@code lines[i]}. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** {@code test.<className>}, annotated {@code annotation}, with one member per line. */
    static JavaFileObject machine(String annotation, String classDeclaration, String... members) {
        String className = classDeclaration.replaceAll(".*(?:class|interface|enum|record)\\s+(\\w+).*", "$1");
        return source("test." + className, machineLines(annotation, classDeclaration, members));
    }

    /** {@code test.Calc}, annotated {@code annotation}, with one member per line. */
    static JavaFileObject calc(String annotation, String... members) {
        return machine(annotation, "public class Calc {", members);
    }

    static String[] machineLines(String annotation, String classDeclaration, String... members) {
        List<String> lines = new ArrayList<>(List.of(
                "package test;",
                "import dev.zkjvm.annotations.*;",
                "import dev.zkjvm.runtime.*;",
                "",
                annotation,
                classDeclaration));
        lines.addAll(Arrays.asList(members));
        lines.add("}");
        return lines.toArray(String[]::new);
    }

    static Compilation compile(JavaFileObject... files) {
        return Compiler.javac().withProcessors(new MachineProcessor()).compile(files);
    }

    /**
     * Compiles as a user without {@code zkjvm-machine-circuit} on the class path does: the machine
     * gets no circuit, and none of the rules that only a circuit needs apply.
     */
    static Compilation compileWithoutCircuit(JavaFileObject... files) {
        List<File> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!provides(new File(entry), "dev/zkjvm/circuit/machine/MachineCircuit.class")) {
                classPath.add(new File(entry));
            }
        }
        return Compiler.javac().withProcessors(new MachineProcessor()).withClasspath(classPath).compile(files);
    }

    /** Whether the class path entry {@code entry} (a folder or a jar) holds {@code classFile}. */
    static boolean provides(File entry, String classFile) {
        if (entry.isDirectory()) {
            return new File(entry, classFile).isFile();
        }
        try (JarFile jar = new JarFile(entry)) {
            return jar.getEntry(classFile) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
