package dev.zkjvm.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar is self-contained: with nothing else on the processor path, javac
 * generates a machine; JavaPoet inside it is relocated, so it cannot clash with another
 * processor's copy. Runs after {@code package} (failsafe), on the jar the build made.
 */
class ProcessorJarIT {
    private static final Path JAR = Path.of(System.getProperty("processor.jar", "target/missing.jar"));

    @Test
    void javaPoetIsRelocatedAndTheAnnotationsKeepTheirNames() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/palantir/")),
                    () -> "unrelocated JavaPoet: " + names.stream().filter(n -> n.startsWith("com/")).toList());
            assertTrue(names.contains("dev/zkjvm/processor/internal/javapoet/JavaFile.class"), names::toString);
            assertTrue(names.contains("dev/zkjvm/annotations/Machine.class"), names::toString);
            assertEquals("dev.zkjvm.processor.MachineProcessor", new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/javax.annotation.processing.Processor")).readAllBytes()).strip());
        }
    }

    @Test
    void theJarAloneIsAProcessorPath(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/calc/Calc.java");
        Files.createDirectories(source.getParent());
        try (var in = ProcessorJarIT.class.getResourceAsStream("/calc/Calc.java")) {
            Files.write(source, in.readAllBytes());
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        // The class path holds what a user's code needs (annotations, runtime), not the processor or JavaPoet.
        String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(e -> Sources.provides(new File(e), "dev/zkjvm/annotations/Machine.class")
                        || Sources.provides(new File(e), "dev/zkjvm/runtime/Reg.class"))
                .filter(e -> !Sources.provides(new File(e), "dev/zkjvm/processor/MachineProcessor.class"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-classpath", classPath,
                "-processorpath", JAR.toString(), "-d", out.toString(), "-s", out.toString(), source.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        assertEquals(0, status, messages::toString);
        assertTrue(Files.isRegularFile(out.resolve("calc/CalcMachine.java")), messages::toString);
        assertTrue(Files.isRegularFile(out.resolve("calc/CalcMachine.class")), messages::toString);
    }
}
