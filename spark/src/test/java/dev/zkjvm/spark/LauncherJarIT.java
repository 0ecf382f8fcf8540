package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** {@code target/zkvm-spark.jar} as a person runs it: {@code java -jar} and the zkvm command line. */
class LauncherJarIT {
    private static final Path JAR = Path.of("target", "zkvm-spark.jar");

    @Test
    void theManifestRunsZkvmWithTheLibJarsAndOpensWhatSparkNeeds() throws IOException {
        Attributes main;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            main = jar.getManifest().getMainAttributes();
        }
        assertEquals("dev.zkjvm.example.cli.ZkvmCli", main.getValue("Main-Class"));
        for (String entry : main.getValue("Class-Path").split(" ")) {
            assertTrue(Files.isRegularFile(JAR.resolveSibling(entry)), "Class-Path entry " + entry + " exists");
        }
        Set<String> opened = Set.of(main.getValue("Add-Opens").split(" "));
        Matcher flag = Pattern.compile("--add-opens=(\\S+)=ALL-UNNAMED").matcher(JavaModuleOptions.defaultModuleOptions());
        List<String> sparkNeeds = new ArrayList<>();
        while (flag.find()) {
            sparkNeeds.add(flag.group(1));
        }
        assertTrue(sparkNeeds.size() > 5, "Spark's list: " + sparkNeeds);
        assertTrue(opened.containsAll(sparkNeeds), "Add-Opens " + opened + " covers " + sparkNeeds);
    }

    @Test
    void javaDashJarRunsABundledProgram() throws Exception {
        String help = run("--help");
        assertTrue(help.contains("Usage: zkvm"), help);
        String fibonacci = run("run", "fibonacci", "--n", "50");
        assertTrue(fibonacci.contains("fib(50) = 12586269025"), fibonacci);
    }

    @Test
    void withoutTheOpensSparkRefusesToStartAndSaysWhy() throws Exception {
        // The test classes' main starts a runner in a JVM without --add-opens (not through -jar).
        String classPath = JAR + java.io.File.pathSeparator + Path.of("target", "test-classes");
        Process p = new ProcessBuilder(java(), "-cp", classPath, StartWithoutOpens.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("is closed: run zkvm-spark.jar with `java -jar`"), out);
        assertTrue(out.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), out);
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command.stream().collect(Collectors.joining(" ")) + "\n" + out);
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
