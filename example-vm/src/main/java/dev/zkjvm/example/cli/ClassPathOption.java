package dev.zkjvm.example.cli;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --class-path}: where the user's machines are, for {@code java -jar zkvm.jar}, which ignores
 * the JVM's own {@code -cp}.
 */
final class ClassPathOption {
    @Option(names = {"-cp", "--class-path"}, paramLabel = "PATH", split = "${sys:path.separator}",
            description = "directories and jars holding your machine's classes (separated by `${sys:path.separator}`)")
    List<Path> classPath = new ArrayList<>();

    /** The machines on zkvm's class path and on {@code --class-path}. */
    MachineCatalog catalog() {
        ClassLoader parent = ClassPathOption.class.getClassLoader();
        if (classPath.isEmpty()) {
            return new MachineCatalog(parent);
        }
        List<URL> urls = new ArrayList<>();
        for (Path path : classPath) {
            if (!Files.exists(path)) {
                throw new CliFailure(ExitCode.USAGE, "--class-path: no such file or directory " + path);
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new CliFailure(ExitCode.USAGE, "--class-path: not a usable path " + path, e);
            }
        }
        return new MachineCatalog(new URLClassLoader(urls.toArray(URL[]::new), parent));
    }
}
