package dev.zkjvm.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars a cluster's executors need to run zkjvm's work: the launcher jar and the zkjvm jars in
 * its {@code lib/} folder (the build lists them in {@code executor-jars.txt}), but not Spark and
 * its dependencies, which the cluster's own installation provides. Sent as {@code spark.jars}.
 */
final class ExecutorJars {
    private static final String LIST = "executor-jars.txt";

    private ExecutorJars() {
    }

    /** The launcher's jars, or none when this class was not loaded from a jar (tests, an IDE). */
    static List<String> ofLauncher() {
        CodeSource source = ExecutorJars.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return List.of();
        }
        Path self;
        try {
            self = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
        if (!Files.isRegularFile(self)) {
            return List.of();
        }
        try (InputStream in = ExecutorJars.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of();
            }
            return resolve(self, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code given} (a {@code spark.jars} value, maybe empty) with {@code jars} added, each once. */
    static String join(String given, List<String> jars) {
        Set<String> all = new LinkedHashSet<>();
        for (String jar : given.split(",")) {
            if (!jar.isBlank()) {
                all.add(jar.trim());
            }
        }
        all.addAll(jars);
        return String.join(",", all);
    }

    /**
     * The launcher jar and the listed jars, relative to its folder, that exist there.
     *
     * @param list comma-separated paths such as {@code lib/zkjvm-runtime-0.1.0.jar}
     */
    static List<String> resolve(Path launcherJar, String list) {
        Path dir = launcherJar.toAbsolutePath().getParent();
        List<String> jars = new ArrayList<>();
        jars.add(launcherJar.toAbsolutePath().toString());
        for (String entry : list.split(",")) {
            Path jar = dir.resolve(entry.trim());
            if (!entry.isBlank() && Files.isRegularFile(jar)) {
                jars.add(jar.toString());
            }
        }
        return jars;
    }
}
