package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated machine, instruction set, program and circuit of {@code golden/Mini.java} (32-bit, one
 * register, a stack, an explicit opcode, word and register operands and the Vm) are exactly the
 * texts in {@code src/test/resources/golden/*.java.txt} (not {@code .java}: javac would find those on the
 * class path and compile them implicitly). After an intended change to the generators, review
 * the diff and accept it with {@code mvn test -Dtest=GoldenTest -Dgolden.update=true}. The comparison is on
 * exact text: compile-testing's {@code hasSourceEquivalentTo} needs
 * {@code --add-opens jdk.compiler/com.sun.tools.javac.parser}, which the build does not pass.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"MiniMachine", "MiniInstruction", "MiniProgram", "MiniCircuit", "MiniDescriptor"})
    void generatedSourceMatchesGolden(String type) throws IOException {
        Compilation compilation = compile(JavaFileObjects.forResource("golden/Mini.java"));
        assertThat(compilation).succeededWithoutWarnings();
        String actual = GenerationTest.generated(compilation, "golden." + type);
        String resource = "golden/" + type + ".java.txt";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN.resolve(type + ".java.txt"), actual);
            return;
        }
        assertEquals(GenerationTest.text(JavaFileObjects.forResource(resource)), actual,
                "generated " + type + " differs from " + resource + "; if intended, run with -Dgolden.update=true");
    }
}
