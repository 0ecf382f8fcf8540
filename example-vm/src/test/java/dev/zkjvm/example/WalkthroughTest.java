package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The javac walkthrough of {@code docs/guide.md} ("With javac alone"), run verbatim: its source files
 * are written into a new directory and its commands run there by bash, against the jars this
 * reactor build left in each module's {@code target/} and the third-party jars in Maven's local
 * repository (no network).
 */
@Tag("slow")
class WalkthroughTest {
    private static final Pattern FILE = Pattern.compile(
            "<!-- walkthrough: file (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern COMMANDS = Pattern.compile(
            "<!-- walkthrough: commands[^\\n]*-->\\n```sh\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theGuidesJavacWalkthroughRunsVerbatim(@TempDir Path dir) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String guide = Files.readString(root.resolve("docs/guide.md"), StandardCharsets.UTF_8);
        assumeTrue(Files.isDirectory(root.resolve("processor/target")) && hasJar(root.resolve("processor/target")),
                "the reactor has not packaged the processor yet (run mvn -B verify from the root)");

        Matcher files = FILE.matcher(guide);
        int written = 0;
        while (files.find()) {
            Path file = dir.resolve(files.group(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, files.group(2));
            written++;
        }
        assertEquals(2, written, "the walkthrough has the machine and the main class");
        Matcher commands = COMMANDS.matcher(guide);
        assertTrue(commands.find(), "the walkthrough's commands are marked in the guide");
        Path script = Files.writeString(dir.resolve("walkthrough.sh"), "set -e\n" + commands.group(1));

        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        bash.environment().put("PATH", javaBin + File.pathSeparator + System.getenv("PATH"));
        bash.environment().put("ZKJVM", root.toString());
        bash.environment().put("M2", localRepository().toString());
        Process process = bash.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the walkthrough finished");
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("total = 42"), output);
        assertTrue(output.matches("(?s).*proof of \\d+ bytes verifies: true.*"), output);
        assertTrue(Files.exists(dir.resolve("out/hello/CounterCircuit.class")), "the processor generated the circuit");
    }

    private static boolean hasJar(Path target) throws IOException {
        try (var entries = Files.list(target)) {
            return entries.anyMatch(p -> p.getFileName().toString().matches("zkjvm-processor-.*\\.jar"));
        }
    }

    /**
     * Maven's local repository: where the BouncyCastle jar on this test's class path lives (the
     * circuit's one outside dependency, so it is there however the module is built).
     */
    private static Path localRepository() {
        String bcprov = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar") && entry.contains("bcprov-jdk18on"))
                .findFirst().orElseThrow(() -> new AssertionError("BouncyCastle is not on the test class path"));
        // .../org/bouncycastle/bcprov-jdk18on/<version>/bcprov-jdk18on-<version>.jar
        return Path.of(bcprov).getParent().getParent().getParent().getParent().getParent();
    }
}
